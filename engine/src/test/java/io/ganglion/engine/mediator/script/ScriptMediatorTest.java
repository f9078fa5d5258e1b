package io.ganglion.engine.mediator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.LocalEntry;
import io.ganglion.engine.config.Location;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Keyed scripts, includes, compile-once and concurrent runs. */
class ScriptMediatorTest {

    private static final String NS = Scripts.NS;

    private static LocalEntry entry(String key, String text) {
        return new LocalEntry(key, text, null, new Location("local-entries/" + key + ".xml", 1, 1));
    }

    private static Configuration config(LocalEntry... entries) {
        Configuration.Builder b = Configuration.builder();
        for (LocalEntry e : entries) {
            b.localEntry(e);
        }
        return b.build();
    }

    @Test
    void keyedScriptCallsItsFunctionAfterIncludes() {
        RhinoRuntime rt = Scripts.runtime();
        Configuration cfg = config(
                entry("lib", "function twice(x) { return x * 2; }"),
                entry("transform", "function toJson(mc) { mc.setPayloadJSON({v: twice(21)}); return false; }\n"
                        + "function mediate(mc) { mc.setProperty('default', 'ran'); }"));
        MediationHarness h = new MediationHarness(cfg);
        ScriptMediator named = Scripts.read(rt, "<script " + NS + " language=\"js\" key=\"transform\" function=\"toJson\">"
                + "<include key=\"lib\"/></script>");
        MessageContext ctx = h.request("application/json", "{}");
        assertFalse(named.mediate(ctx), "toJson returned false");
        assertEquals("{\"v\":42}", Scripts.wire(ctx));

        ScriptMediator byDefault = Scripts.read(rt, "<script " + NS + " language=\"js\" key=\"transform\"/>");
        MessageContext c2 = h.request("application/json", "{}");
        assertTrue(byDefault.mediate(c2));
        assertEquals("ran", c2.getProperty("default"));
    }

    @Test
    void dynamicKeysPickTheEntryPerMessage() {
        RhinoRuntime rt = Scripts.runtime();
        Configuration cfg = config(entry("a", "function mediate(mc) { mc.setProperty('r', 'A') }"),
                entry("b", "function mediate(mc) { mc.setProperty('r', 'B') }"));
        MediationHarness h = new MediationHarness(cfg);
        ScriptMediator m = Scripts.read(rt, "<script " + NS + " language=\"js\" key=\"{get-property('which')}\"/>");
        for (String which : new String[] {"a", "b", "a"}) {
            MessageContext ctx = h.request();
            ctx.setProperty("which", which);
            m.mediate(ctx);
            assertEquals(which.toUpperCase(), ctx.getProperty("r"));
        }
        assertEquals(2, rt.compilations());
    }

    @Test
    void keyedScriptErrors() {
        RhinoRuntime rt = Scripts.runtime();
        ScriptMediator m = Scripts.read(rt, "<script " + NS + " language=\"js\" key=\"s\" function=\"go\"/>");
        MediationException missing = assertThrows(MediationException.class,
                () -> m.mediate(new MediationHarness().request()));
        assertTrue(missing.getMessage().contains("local entry 's' is not deployed"), missing.getMessage());

        Configuration noFunction = config(entry("s", "var x = 1;"));
        MediationException nofn = assertThrows(MediationException.class,
                () -> m.mediate(new MediationHarness(noFunction).request()));
        assertTrue(nofn.getMessage().contains("defines no function 'go'"), nofn.getMessage());

        Configuration broken = config(entry("s", "function go(mc) {\n  return (;\n}"));
        ConfigException e = assertThrows(ConfigException.class, () -> m.link(broken));
        assertEquals("local-entries/s.xml:1:1", e.location().toString());
        assertTrue(e.getMessage().contains("local entry 's' has a syntax error at line 2, column"), e.getMessage());

        Configuration failing = config(entry("s", "function go(mc) {\n  nothing.here();\n}"));
        MediationException run = assertThrows(MediationException.class,
                () -> m.mediate(new MediationHarness(failing).request()));
        assertTrue(run.getMessage().contains("local entry 's', line 2"), run.getMessage());
        assertTrue(run.getMessage().contains("local-entries/s.xml:1:1"), run.getMessage());
    }

    @Test
    void aScriptIsCompiledOnceHoweverManyMessagesRunIt() {
        RhinoRuntime rt = Scripts.runtime();
        ScriptMediator inline = Scripts.inline(rt, "mc.setProperty('n', (mc.getProperty('n') || 0) + 1)");
        assertEquals(1, rt.compilations());
        Configuration cfg = config(entry("k", "function mediate(mc) { mc.setProperty('k', 1) }"));
        ScriptMediator keyed = Scripts.read(rt, "<script " + NS + " language=\"js\" key=\"k\"/>");
        keyed.link(cfg);
        assertEquals(2, rt.compilations());
        MediationHarness h = new MediationHarness(cfg);
        for (int i = 0; i < 200; i++) {
            MessageContext ctx = h.request();
            inline.mediate(ctx);
            keyed.mediate(ctx);
        }
        assertEquals(2, rt.compilations());
        // A new configuration with an edited entry compiles that entry once more.
        Configuration edited = config(entry("k", "function mediate(mc) { mc.setProperty('k', 2) }"));
        MessageContext ctx = new MediationHarness(edited).request();
        keyed.mediate(ctx);
        keyed.mediate(ctx);
        assertEquals(2, ctx.getProperty("k"));
        assertEquals(3, rt.compilations());
    }

    @Test
    void manyThreadsRunOneScriptWithIsolatedResults() throws Exception {
        RhinoRuntime rt = Scripts.runtime();
        ScriptMediator m = Scripts.inline(rt, ""
                + "var runs = (typeof runs == 'undefined') ? 1 : runs + 1;\n"
                + "var p = mc.getPayloadJSON();\n"
                + "var items = [];\n"
                + "for (var i = 0; i < p.n; i++) { items.push(p.id + '-' + i); }\n"
                + "mc.setProperty('runs', runs);\n"
                + "mc.setPayloadJSON({id: p.id, count: items.length, last: items[items.length - 1]});");
        MediationHarness h = new MediationHarness();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                for (int i = 0; i < 50; i++) {
                    int id = t * 1000 + i;
                    int n = 1 + id % 37;
                    Callable<String> task = () -> {
                        MessageContext ctx = h.request("application/json", "{\"id\":" + id + ",\"n\":" + n + "}");
                        m.mediate(ctx);
                        String expected = "{\"id\":" + id + ",\"count\":" + n + ",\"last\":\"" + id + "-" + (n - 1)
                                + "\"}";
                        String got = Scripts.wire(ctx);
                        return expected.equals(got) && Integer.valueOf(1).equals(ctx.getProperty("runs")) ? "ok"
                                : "expected " + expected + " got " + got + " runs " + ctx.getProperty("runs");
                    };
                    results.add(pool.submit(task));
                }
            }
            for (Future<String> f : results) {
                assertEquals("ok", f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rt.compilations());
    }
}
