package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertErrorAtLine;
import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.Test;

class SwitchMediatorTest {

    private static final String SWITCH = "<switch source=\"//lang\">"
            + "<case regex=\"en.*\"><property name=\"hello\" value=\"hello\"/></case>"
            + "<case regex=\"en-GB|fr\"><property name=\"hello\" value=\"second\"/></case>"
            + "<case regex=\"de\"><property name=\"hello\" value=\"hallo\"/><drop/></case>"
            + "<default><property name=\"hello\" value=\"?\"/></default>"
            + "</switch>";

    private final MediationHarness harness = new MediationHarness();

    private MessageContext lang(String lang) {
        return harness.request("application/xml", "<greet><lang>" + lang + "</lang></greet>");
    }

    private Object hello(Mediator m, String lang) {
        MessageContext ctx = lang(lang);
        m.mediate(ctx);
        return ctx.getProperty("hello");
    }

    @Test
    void firstFullyMatchingCaseWins() {
        Mediator m = read(SWITCH);
        assertEquals("hello", hello(m, "en-GB"));
        assertEquals("second", hello(m, "fr"));
        assertEquals("hallo", hello(m, "de"));
        // "fra" only contains a match; Synapse requires the whole value to match.
        assertEquals("?", hello(m, "fra"));
    }

    @Test
    void theCaseResultIsTheSwitchResult() {
        Mediator m = read(SWITCH);
        assertFalse(m.mediate(lang("de")));
        assertTrue(m.mediate(lang("en")));
    }

    @Test
    void noMatchAndNoDefaultContinues() {
        MessageContext ctx = lang("xx");
        assertTrue(read("<switch source=\"//lang\"><case regex=\"en\"><drop/></case></switch>").mediate(ctx));
        assertNull(ctx.getProperty("hello"));
    }

    @Test
    void roundTrips() {
        assertRoundTrip(SWITCH);
        assertRoundTrip("<switch xmlns:m=\"urn:m\" source=\"//m:lang\"><case regex=\"a\"/></switch>");
        assertRoundTrip("<switch source=\"//lang\"><default><log/></default></switch>");
    }

    @Test
    void badInputIsLocated() {
        assertErrorAtLine("<switch>\n<case regex=\"a\"/></switch>", 1);
        assertErrorAtLine("<switch source=\"//a\">\n  <case/>\n</switch>", 2);
        assertErrorAtLine("<switch source=\"//a\">\n  <case regex=\"(\"/>\n</switch>", 2);
        assertErrorAtLine("<switch source=\"//a\">\n  <log/>\n</switch>", 2);
        assertErrorAtLine("<switch source=\"//a\">\n  <default/>\n  <default/>\n</switch>", 3);
        assertErrorAtLine("<switch source=\"//a[\">\n  <default/>\n</switch>", 1);
    }
}
