package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertErrorAtLine;
import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static io.ganglion.engine.mediator.core.CoreTesting.readContext;
import static io.ganglion.engine.mediator.core.CoreTesting.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.Test;

class SequenceMediatorTest {

    private final MediationHarness harness = new MediationHarness(Configuration.builder()
            .sequence(sequence("audit", "<property name=\"ran\" value=\"audit\"/>"))
            .sequence(sequence("stop", "<property name=\"ran\" value=\"stop\"/><drop/>"))
            .build());

    private MessageContext route(String to) {
        return harness.request("application/xml", "<order><route>" + to + "</route></order>");
    }

    @Test
    void staticKeyRunsTheNamedSequenceAndRecordsTheReference() {
        MessageContext ctx = route("x");
        assertTrue(read("<sequence key=\"audit\"/>").mediate(ctx));
        assertEquals("audit", ctx.getProperty("ran"));
        assertFalse(read("<sequence key=\"stop\"/>").mediate(ctx));
        ReadContext rc = readContext("<sequence key=\"audit\"/>");
        assertEquals(ReadContext.ReferenceKind.SEQUENCE, rc.references().get(0).kind());
        assertEquals("audit", rc.references().get(0).key());
        assertEquals(1, rc.references().get(0).location().line());
    }

    @Test
    void dynamicKeyIsEvaluatedPerMessage() {
        Mediator m = read("<sequence key=\"{//route}\"/>");
        MessageContext a = route("audit");
        assertTrue(m.mediate(a));
        assertEquals("audit", a.getProperty("ran"));
        MessageContext b = route("stop");
        assertFalse(m.mediate(b));
        assertEquals("stop", b.getProperty("ran"));
        assertTrue(readContext("<sequence key=\"{//route}\"/>").references().isEmpty());
    }

    @Test
    void missingSequencesAreMediationErrorsNamingTheKey() {
        MediationException e = assertThrows(MediationException.class,
                () -> read("<sequence key=\"{//route}\"/>").mediate(route("nowhere")));
        assertTrue(e.getMessage().contains("'nowhere'") && e.getMessage().contains("{//route}"), e.getMessage());
        e = assertThrows(MediationException.class, () -> read("<sequence key=\"ghost\"/>").mediate(route("x")));
        assertTrue(e.getMessage().contains("'ghost'"), e.getMessage());
    }

    @Test
    void roundTrips() {
        assertRoundTrip("<sequence key=\"audit\"/>");
        assertRoundTrip("<sequence key=\"{//route}\"/>");
        assertRoundTrip("<sequence xmlns:m=\"urn:m\" key=\"{//m:route}\"/>");
    }

    @Test
    void anInlineSequenceWithoutKeyIsRejected() {
        ConfigException e = assertErrorAtLine("<filter xpath=\"true()\">\n  <sequence name=\"x\">\n    <log/>\n"
                + "  </sequence>\n</filter>", 2);
        assertTrue(e.getMessage().contains("an inline <sequence> needs key="), e.getMessage());
        assertErrorAtLine("<filter xpath=\"true()\">\n  <sequence key=\"k\">\n    <log/>\n  </sequence>\n</filter>", 2);
        assertErrorAtLine("<filter xpath=\"true()\">\n  <sequence key=\"{//[}\"/>\n</filter>", 2);
    }
}
