package io.ganglion.engine.mediator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What scripts cannot do: reach Java, files or the network, or run forever. */
class ScriptSandboxTest {

    private static final RhinoRuntime SANDBOX = Scripts.runtime(Duration.ofMillis(300));

    private final MediationHarness harness = new MediationHarness();

    private String eval(RhinoRuntime runtime, String js) {
        MessageContext ctx = harness.request("application/json", "{}");
        Scripts.inline(runtime, "mc.setProperty('r', String(" + js + "));").mediate(ctx);
        return String.valueOf(ctx.getProperty("r"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "Packages", "importClass", "importPackage", "JavaImporter", "JavaAdapter",
            "getClass", "load", "readFile", "readUrl", "runCommand", "spawn", "sync", "quit", "require"})
    void noJavaFileOrNetworkGlobals(String name) {
        assertEquals("undefined", eval(SANDBOX, "typeof " + name));
    }

    @Test
    void javaCannotBeReachedThroughObjectsEither() {
        // mc and its methods are JavaScript objects: no getClass() to climb out of.
        assertEquals("undefined", eval(SANDBOX, "typeof mc.getClass"));
        assertEquals("undefined", eval(SANDBOX, "typeof mc.getProperty.getClass"));
        assertEquals("undefined", eval(SANDBOX, "Function('return typeof Packages')()"));
        assertEquals("undefined", eval(SANDBOX, "(function(){ return this })().java"));
        MediationException e = assertThrows(MediationException.class,
                () -> eval(SANDBOX, "java.lang.System.exit(1)"));
        assertTrue(e.getMessage().contains("java"), e.getMessage());
        MediationException f = assertThrows(MediationException.class,
                () -> eval(SANDBOX, "new java.io.File('/etc/passwd').exists()"));
        assertTrue(f.getMessage().contains("java"), f.getMessage());
    }

    @Test
    void sharedBuiltinsAreSealedAndRunsDoNotLeak() {
        assertThrows(MediationException.class, () -> eval(SANDBOX, "JSON.stringify = null"));
        assertThrows(MediationException.class, () -> eval(SANDBOX, "Object.prototype.polluted = 1"));
        assertThrows(MediationException.class, () -> eval(SANDBOX, "Function('leak = 1')()"));
        eval(SANDBOX, "leaked = 'yes'");
        assertEquals("undefined", eval(SANDBOX, "typeof leaked"));
    }

    @Test
    void anEndlessLoopIsStoppedWithinTheBudget() {
        MessageContext ctx = harness.request("application/json", "{}");
        ScriptMediator loop = Scripts.inline(SANDBOX, "while (true) { try { while (true) {} } catch (e) {} finally {} }");
        long start = System.nanoTime();
        MediationException e = assertThrows(MediationException.class, () -> loop.mediate(ctx));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("budget of 300 ms"), e.getMessage());
        assertTrue(ms >= 250 && ms < 3000, "stopped after " + ms + " ms");
        // The runtime keeps working after a stopped run.
        assertEquals("2", eval(SANDBOX, "1 + 1"));
    }

    @Test
    void deepRecursionFaultsTheMessage() {
        MediationException e = assertThrows(MediationException.class,
                () -> eval(SANDBOX, "(function r(n) { return r(n + 1) + 1 })(0)"));
        assertTrue(e.getMessage().contains("recursion"), e.getMessage());
    }

    @Test
    void anAllowListOpensJustTheNamedClasses() {
        RhinoRuntime open = Scripts.runtime(Duration.ofSeconds(1), "java.util.UUID");
        assertEquals(36, eval(open, "java.util.UUID.randomUUID().toString()").length());
        MediationException e = assertThrows(MediationException.class,
                () -> eval(open, "java.lang.System.getProperty('user.home')"));
        assertTrue(e.getMessage().contains("script failed"), e.getMessage());
        assertThrows(MediationException.class, () -> eval(open, "new java.io.File('/').list()"));
    }

    @Test
    void settingsComeFromSystemProperties() {
        String budget = System.getProperty(ScriptSettings.BUDGET_PROPERTY);
        String allow = System.getProperty(ScriptSettings.ALLOW_PROPERTY);
        try {
            System.setProperty(ScriptSettings.BUDGET_PROPERTY, "250");
            System.setProperty(ScriptSettings.ALLOW_PROPERTY, "java.util.UUID, java.time.");
            ScriptSettings s = ScriptSettings.fromSystemProperties();
            assertEquals(Duration.ofMillis(250), s.budget());
            assertTrue(s.allowsClass("java.util.UUID"));
            assertTrue(s.allowsClass("java.time.Instant"));
            assertTrue(!s.allowsClass("java.util.UUIDx") && !s.allowsClass("java.io.File"));
        } finally {
            restore(ScriptSettings.BUDGET_PROPERTY, budget);
            restore(ScriptSettings.ALLOW_PROPERTY, allow);
        }
        assertEquals(ScriptSettings.DEFAULT_BUDGET, ScriptSettings.fromSystemProperties().budget());
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
