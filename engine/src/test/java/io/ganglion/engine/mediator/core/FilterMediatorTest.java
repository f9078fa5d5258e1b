package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertErrorAtLine;
import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static io.ganglion.engine.mediator.core.CoreTesting.readContext;
import static io.ganglion.engine.mediator.core.CoreTesting.sequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.Test;

class FilterMediatorTest {

    private final MediationHarness harness = new MediationHarness(Configuration.builder()
            .sequence(sequence("yes", "<property name=\"branch\" value=\"yes-seq\"/>"))
            .sequence(sequence("no", "<property name=\"branch\" value=\"no-seq\"/>"))
            .build());

    private MessageContext order(String id) {
        return harness.request("application/xml", "<order><id>" + id + "</id></order>");
    }

    private Object branch(String xml, MessageContext ctx) {
        Mediator m = read(xml);
        assertTrue(m.mediate(ctx));
        return ctx.getProperty("branch");
    }

    @Test
    void xpathConditionRunsChildren() {
        String xml = "<filter xpath=\"//order/id = 42\"><property name=\"branch\" value=\"then\"/></filter>";
        assertEquals("then", branch(xml, order("42")));
        assertNull(branch(xml, order("7")));
    }

    @Test
    void sourceMustFullyMatchTheRegex() {
        String xml = "<filter source=\"//order/id\" regex=\"4\\d\"><property name=\"branch\" value=\"then\"/></filter>";
        assertEquals("then", branch(xml, order("42")));
        assertNull(branch(xml, order("420")));
    }

    @Test
    void thenAndElse() {
        String xml = "<filter xpath=\"//order/id = 42\">"
                + "<then><property name=\"branch\" value=\"then\"/></then>"
                + "<else><property name=\"branch\" value=\"else\"/></else></filter>";
        assertEquals("then", branch(xml, order("42")));
        assertEquals("else", branch(xml, order("7")));
    }

    @Test
    void thenAndElseBySequenceKey() {
        String xml = "<filter source=\"//order/id\" regex=\"42\"><then sequence=\"yes\"/><else sequence=\"no\"/></filter>";
        assertEquals("yes-seq", branch(xml, order("42")));
        assertEquals("no-seq", branch(xml, order("7")));
        ReadContext ctx = readContext(xml);
        assertEquals(2, ctx.references().size());
        assertEquals(ReadContext.ReferenceKind.SEQUENCE, ctx.references().get(0).kind());
        assertEquals("yes", ctx.references().get(0).key());
    }

    @Test
    void aBranchThatStopsStopsTheFilter() {
        Mediator m = read("<filter xpath=\"true()\"><drop/></filter>");
        assertFalse(m.mediate(order("1")));
        assertTrue(read("<filter xpath=\"false()\"><then><drop/></then></filter>").mediate(order("1")));
    }

    @Test
    void readsBodyFollowsConditionAndBranches() {
        assertTrue(read("<filter xpath=\"//a\"/>").readsBody());
    }

    @Test
    void roundTrips() {
        assertRoundTrip("<filter xpath=\"//order/id = 42\"><log/><drop/></filter>");
        assertRoundTrip("<filter xmlns:m=\"urn:m\" source=\"//m:id\" regex=\"a.*\"><property name=\"p\" value=\"v\"/></filter>");
        assertRoundTrip("<filter xpath=\"true()\"><then><log/></then><else><drop/></else></filter>");
        assertRoundTrip("<filter xpath=\"true()\"><then><log/></then></filter>");
        assertRoundTrip("<filter xpath=\"true()\"><then sequence=\"yes\"/><else sequence=\"no\"/></filter>");
    }

    @Test
    void badInputIsLocated() {
        assertErrorAtLine("<filter>\n<log/></filter>", 1);
        assertErrorAtLine("<filter source=\"//a\"/>", 1);
        assertErrorAtLine("<filter xpath=\"//a\" source=\"//a\" regex=\"a\"/>", 1);
        assertErrorAtLine("<filter source=\"//a\" regex=\"[\"/>", 1);
        assertErrorAtLine("<filter xpath=\"true()\">\n  <filter\n     xpath=\"//[\"/>\n</filter>", 2);
        assertErrorAtLine("<filter xpath=\"true()\">\n  <else/>\n</filter>", 2);
        assertErrorAtLine("<filter xpath=\"true()\">\n  <then/>\n  <log/>\n</filter>", 3);
        assertErrorAtLine("<filter xpath=\"true()\">\n  <then sequence=\"s\">\n    <log/>\n  </then>\n</filter>", 2);
        assertErrorAtLine("<filter xpath=\"true()\">\n  <then>\n    <nonsense/>\n  </then>\n</filter>", 3);
    }
}
