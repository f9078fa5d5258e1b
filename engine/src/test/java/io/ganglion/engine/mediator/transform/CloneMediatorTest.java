package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.body;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.readContext;
import static io.ganglion.engine.mediator.transform.TransformTesting.readError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.testing.MediationHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloneMediatorTest {

    /** An endpoint that records nothing itself; the harness records the sends. */
    record FakeEndpoint(String name) implements Endpoint {
        @Override
        public void send(MessageContext ctx, SendCallback callback) {
            // the harness runtime never calls endpoints
        }
    }

    private static final String TWO_SEQUENCES = """
            <clone %s id="c1">
              <target soapAction="urn:a" to="http://a/svc">
                <sequence>
                  <payloadFactory><format><a xmlns="">$1</a></format><args><arg expression="//v"/></args></payloadFactory>
                </sequence>
              </target>
              <target>
                <sequence>
                  <payloadFactory><format><b xmlns="">$1</b></format><args><arg expression="//v"/></args></payloadFactory>
                </sequence>
              </target>
            </clone>""".formatted(NS);

    @Test
    void eachTargetMediatesItsOwnTaggedCopy() {
        MediationHarness h = new MediationHarness();
        CloneMediator m = read(TWO_SEQUENCES);
        MessageContext ctx = h.request("application/xml", "<in><v>5</v></in>");
        assertFalse(m.mediate(ctx), "the parent stops without continueParent");
        assertEquals(2, h.asyncMediated.size());
        MessageContext a = h.asyncMediated.get(0);
        MessageContext b = h.asyncMediated.get(1);
        assertEquals("<a>5</a>", body(a));
        assertEquals("<b>5</b>", body(b));
        assertEquals("<in><v>5</v></in>", body(ctx));
        assertEquals("urn:a", a.getSoapAction());
        assertEquals("http://a/svc", a.getTo());
        assertEquals(ctx.getMessageId(), a.getProperty("aggregateCorelation.c1"));
        assertEquals("0/2", a.getProperty("messageSequence.c1"));
        assertEquals("1/2", b.getProperty("messageSequence.c1"));
        assertNotEquals(a.getMessageId(), b.getMessageId());
        assertSame(ctx.exchange(), a.exchange());
    }

    @Test
    void copiesOfABuiltPayloadAreIndependent() {
        MediationHarness h = new MediationHarness();
        CloneMediator m = read(TWO_SEQUENCES);
        MessageContext ctx = h.request("application/xml", "<in><v>5</v></in>");
        ctx.payload().envelope();
        m.mediate(ctx);
        assertEquals("<a>5</a>", body(h.asyncMediated.get(0)));
        assertEquals("<in><v>5</v></in>", body(ctx));
    }

    @Test
    void continueParentLetsTheOriginalGoOn() {
        CloneMediator m = read("""
                <clone %s continueParent="true"><target sequence="s"/></clone>""".formatted(NS));
        List<MessageContext> seen = new ArrayList<>();
        MediationHarness h = new MediationHarness(Configuration.builder()
                .sequence(new Sequence("s", null, List.of(c -> seen.add(c)), null)).build());
        MessageContext ctx = h.request();
        assertTrue(m.mediate(ctx));
        assertEquals(1, seen.size());
        assertEquals("0/1", seen.get(0).getProperty("messageSequence"));
    }

    @Test
    void sequentialTargetsRunInOrderOnThisThread() {
        CloneMediator m = read("""
                <clone %s sequential="true"><target sequence="s"/><target sequence="s"/></clone>""".formatted(NS));
        List<String> order = new ArrayList<>();
        MediationHarness h = new MediationHarness(Configuration.builder()
                .sequence(new Sequence("s", null, List.of(c -> order.add((String) c.getProperty("messageSequence"))),
                        null))
                .build());
        m.mediate(h.request());
        assertEquals(List.of("0/2", "1/2"), order);
        assertTrue(h.asyncMediated.isEmpty());
    }

    @Test
    void endpointKeysAreResolvedAtRunTime() {
        FakeEndpoint ep = new FakeEndpoint("backend");
        MediationHarness h = new MediationHarness(Configuration.builder().endpoint("backend", ep).build());
        CloneMediator m = read("""
                <clone %s><target endpoint="backend"/><target endpoint="backend" to="http://b"/></clone>""".formatted(NS));
        m.mediate(h.request());
        assertEquals(2, h.sent.size());
        assertSame(ep, h.sent.get(0).endpoint());
        assertEquals("http://b", h.sent.get(1).ctx().getTo());
    }

    @Test
    void anUndeployedEndpointFailsTheMessage() {
        CloneMediator m = read("<clone %s><target endpoint=\"gone\"/></clone>".formatted(NS));
        assertThrows(MediationException.class, () -> m.mediate(new MediationHarness().request()));
    }

    @Test
    void keysAreRecordedAsReferences() {
        ReadContext rc = readContext("<clone %s><target sequence=\"s\" endpoint=\"e\"/></clone>".formatted(NS));
        assertEquals(List.of(ReadContext.ReferenceKind.SEQUENCE, ReadContext.ReferenceKind.ENDPOINT),
                rc.references().stream().map(ReadContext.Reference::kind).toList());
    }

    @Test
    void aCloneNeedsATarget() {
        assertTrue(readError("<clone %s/>".formatted(NS)).getMessage().contains("<target>"));
    }

    @Test
    void aSequenceGivenTwiceIsRejected() {
        readError("<clone %s><target sequence=\"s\"><sequence/></target></clone>".formatted(NS));
    }
}
