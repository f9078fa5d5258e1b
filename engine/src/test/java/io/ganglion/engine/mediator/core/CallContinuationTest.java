package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static io.ganglion.engine.mediator.core.CoreTesting.resume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call pauses the flow wherever it is nested, and the saved frames run the rest in order. */
class CallContinuationTest {

    private final List<String> trail = new ArrayList<>();

    private Mediator step(String name) {
        return ctx -> trail.add(name);
    }

    private static Mediator call() {
        return new CallMediator(null, null);
    }

    private static SynapseXPath xpath(String expr) {
        return SynapseXPath.compile(expr, Map.of());
    }

    /** Runs {@code top} and resumes it after every call until it finishes. */
    private boolean runToEnd(Mediator top, MessageContext ctx, int expectedCalls) {
        boolean result = top.mediate(ctx);
        int calls = 0;
        while (ctx.isSuspended()) {
            assertFalse(result);
            calls++;
            trail.add("<response " + calls + ">");
            result = resume(ctx);
        }
        assertEquals(expectedCalls, calls);
        return result;
    }

    @Test
    void theRestOfTheListRunsWithTheResponse() {
        MediationHarness harness = new MediationHarness();
        ListMediator top = new ListMediator(List.of(step("a"), call(), step("b"), call(), step("c")));
        assertTrue(runToEnd(top, harness.request(), 2));
        assertEquals(List.of("a", "<response 1>", "b", "<response 2>", "c"), trail);
        assertEquals(2, harness.called.size());
    }

    @Test
    void aCallInsideAFilterInsideAReferencedSequence() {
        FilterMediator filter = new FilterMediator(null, null, xpath("true()"),
                new ListMediator(List.of(step("f1"), call(), step("f2"))), null, false);
        Sequence outer = new Sequence("outer", null, List.of(step("s1"), filter, step("s2")), null);
        MediationHarness harness = new MediationHarness(Configuration.builder().sequence(outer).build());
        ListMediator top = new ListMediator(List.of(step("start"), read("<sequence key=\"outer\"/>"), step("end")));
        assertTrue(runToEnd(top, harness.request(), 1));
        assertEquals(List.of("start", "s1", "f1", "<response 1>", "f2", "s2", "end"), trail);
    }

    @Test
    void callsInThenElseSwitchAndIn() {
        FilterMediator filter = new FilterMediator(null, null, xpath("false()"),
                new ListMediator(List.of(step("then"))),
                new ListMediator(List.of(step("else"), call(), step("else-after"))), true);
        SwitchMediator sw = new SwitchMediator(xpath("'b'"), List.of(
                new SwitchMediator.Case(java.util.regex.Pattern.compile("a"), new ListMediator(List.of(step("case-a")))),
                new SwitchMediator.Case(java.util.regex.Pattern.compile("b"),
                        new ListMediator(List.of(call(), step("case-b"))))), null);
        InMediator in = new InMediator(List.of(filter, sw, step("in-end")));
        ListMediator top = new ListMediator(List.of(in, step("end")));
        assertTrue(runToEnd(top, new MediationHarness().request(), 2));
        assertEquals(List.of("else", "<response 1>", "else-after", "<response 2>", "case-b", "in-end", "end"), trail);
    }

    @Test
    void aMediatorThatStopsAfterTheResponseEndsTheFlow() {
        ListMediator inner = new ListMediator(List.of(call(), step("inner"), read("<drop/>"), step("never")));
        ListMediator top = new ListMediator(List.of(inner, step("never either")));
        assertFalse(runToEnd(top, new MediationHarness().request(), 1));
        assertEquals(List.of("<response 1>", "inner"), trail);
    }
}
