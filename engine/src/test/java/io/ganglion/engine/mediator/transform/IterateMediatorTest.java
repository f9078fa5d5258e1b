package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.assertSimilar;
import static io.ganglion.engine.mediator.transform.TransformTesting.body;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.readError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IterateMediatorTest {

    private static final String ORDERS = """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
              <s:Header><h xmlns="urn:h">1</h></s:Header>
              <s:Body><orders xmlns="urn:o"><batch>b1</batch><order>1</order><order>2</order><order>3</order></orders></s:Body>
            </s:Envelope>""";

    private final List<MessageContext> seen = new ArrayList<>();
    private final MediationHarness harness = new MediationHarness(Configuration.builder()
            .sequence(new Sequence("each", null, List.of(seen::add), null)).build());

    private MessageContext orders() {
        return harness.request("text/xml", ORDERS);
    }

    @Test
    void eachMatchBecomesItsOwnMessage() {
        IterateMediator m = read("""
                <iterate %s xmlns:o="urn:o" id="it" expression="//o:order"><target sequence="each"/></iterate>"""
                .formatted(NS));
        MessageContext ctx = orders();
        assertFalse(m.mediate(ctx));
        assertEquals(3, seen.size());
        for (int i = 0; i < 3; i++) {
            MessageContext part = seen.get(i);
            assertSimilar("<order xmlns='urn:o'>" + (i + 1) + "</order>", body(part));
            assertEquals(i + "/3", part.getProperty("messageSequence.it"));
            assertEquals(ctx.getMessageId(), part.getProperty("aggregateCorelation.it"));
            assertEquals("1", part.payload().envelope().getHeader().getFirstElement().getText());
        }
        assertSimilar("<orders xmlns='urn:o'><batch>b1</batch></orders>", body(ctx));
        assertEquals(3, harness.asyncMediated.size());
    }

    @Test
    void preservePayloadPutsEachMatchBackWhereItWas() {
        IterateMediator m = read("""
                <iterate %s xmlns:o="urn:o" preservePayload="true" continueParent="true" expression="//o:order">
                  <target sequence="each"/>
                </iterate>""".formatted(NS));
        assertTrue(m.mediate(orders()));
        assertSimilar("<orders xmlns='urn:o'><batch>b1</batch><order>2</order></orders>", body(seen.get(1)));
    }

    @Test
    void attachPathChoosesWhereMatchesGo() {
        IterateMediator m = read("""
                <iterate %s xmlns:o="urn:o" preservePayload="true" attachPath="//o:batch" expression="//o:order">
                  <target sequence="each"/>
                </iterate>""".formatted(NS));
        m.mediate(orders());
        assertSimilar("<orders xmlns='urn:o'><batch>b1<order>3</order></batch></orders>", body(seen.get(2)));
    }

    @Test
    void sequentialRunsTheTargetInline() {
        IterateMediator m = read("""
                <iterate %s xmlns:o="urn:o" sequential="true" expression="//o:order"><target sequence="each"/></iterate>"""
                .formatted(NS));
        m.mediate(orders());
        assertEquals(3, seen.size());
        assertTrue(harness.asyncMediated.isEmpty());
    }

    @Test
    void expressionIsRequired() {
        ConfigException e = readError("""
                <iterate %s>
                  <target sequence="each"/>
                </iterate>""".formatted(NS));
        assertTrue(e.getMessage().contains("'expression'"), e.getMessage());
        assertEquals(1, e.location().line());
    }

    @Test
    void attachPathNeedsPreservePayload() {
        ConfigException e = readError("""
                <iterate %s expression="//a" attachPath="//b"><target sequence="each"/></iterate>""".formatted(NS));
        assertTrue(e.getMessage().contains("preservePayload"), e.getMessage());
    }

    @Test
    void exactlyOneTarget() {
        readError("<iterate %s expression=\"//a\"/>".formatted(NS));
    }
}
