package io.ganglion.engine.mediator.script;

import static io.ganglion.engine.testing.XmlAsserts.assertSimilar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.mediator.WriteContext;
import org.junit.jupiter.api.Test;

class ScriptMediatorXmlTest {

    private static final RhinoRuntime RUNTIME = Scripts.runtime();
    private static final String NS = Scripts.NS;

    private static ScriptMediator read(String xml) {
        return Scripts.read(RUNTIME, xml);
    }

    private static String write(ScriptMediator m) {
        return new ScriptMediatorXml(RUNTIME).write(m, WriteContext.defaults()).toString();
    }

    @Test
    void inlineRoundTrip() {
        String xml = "<script " + NS + " language=\"js\"><![CDATA[if (a < b && c) { mc.setProperty('x', 1); }]]></script>";
        ScriptMediator m = read(xml);
        assertEquals("js", m.language());
        assertNull(m.key());
        assertSimilar(xml, new ScriptMediatorXml(RUNTIME).write(m, WriteContext.defaults()));
        assertTrue(write(m).contains("<![CDATA[if (a < b && c)"), write(m));
    }

    @Test
    void keyedRoundTrip() {
        String xml = "<script " + NS + " language=\"js\" key=\"transform\" function=\"toJson\">"
                + "<include key=\"lib\"/><include key=\"helpers\"/></script>";
        ScriptMediator m = read(xml);
        assertEquals("transform", m.key().staticText());
        assertEquals("toJson", m.function());
        assertEquals(java.util.List.of("lib", "helpers"), m.includeKeys());
        assertSimilar(xml, new ScriptMediatorXml(RUNTIME).write(m, WriteContext.defaults()));
        assertSimilar("<script " + NS + " language=\"js\" key=\"{get-property('which')}\"/>",
                new ScriptMediatorXml(RUNTIME).write(read("<script " + NS
                        + " language=\"js\" key=\"{get-property('which')}\"/>"), WriteContext.defaults()));
    }

    @Test
    void syntaxErrorsNameTheFileLineAndColumnOfTheScript() {
        String xml = "<sequence " + NS + " name=\"s\">\n"
                + "  <script language=\"js\"><![CDATA[\n"
                + "var a = 1;\n"
                + "  foo(;\n"
                + "]]></script>\n"
                + "</sequence>";
        var ctx = io.ganglion.engine.mediator.ReadContext.forText("sequences/s.xml", xml);
        var el = ctx.root().getFirstElement();
        ConfigException e = assertThrows(ConfigException.class, () -> new ScriptMediatorXml(RUNTIME).read(el, ctx));
        assertEquals("sequences/s.xml:4:7", e.location().toString());
        assertTrue(e.getMessage().startsWith("script syntax error: "), e.getMessage());

        String sameLine = "<sequence " + NS + " name=\"s\">\n  <script language=\"js\">var x = ;</script>\n</sequence>";
        var ctx2 = io.ganglion.engine.mediator.ReadContext.forText("s.xml", sameLine);
        ConfigException e2 = assertThrows(ConfigException.class,
                () -> new ScriptMediatorXml(RUNTIME).read(ctx2.root().getFirstElement(), ctx2));
        // The text starts at column 25 of line 2; the error is at its ninth character.
        assertEquals("s.xml:2:33", e2.location().toString());
    }

    @Test
    void readerErrors() {
        assertError("language 'py' is not supported", "<script " + NS + " language=\"py\">x</script>");
        assertError("needs the attribute 'language'", "<script " + NS + ">x</script>");
        assertError("both a 'key' and an inline script", "<script " + NS + " language=\"js\" key=\"k\">x()</script>");
        assertError("needs an inline script or a 'key'", "<script " + NS + " language=\"js\"> </script>");
        assertError("must name a JavaScript function", "<script " + NS + " language=\"js\" key=\"k\" function=\"a b\"/>");
        assertError("unexpected <log> in <script>", "<script " + NS + " language=\"js\" key=\"k\"><log/></script>");
        assertError("<include> needs the attribute 'key'", "<script " + NS + " language=\"js\" key=\"k\"><include/></script>");
        // WSO2's names for JavaScript engines all run here.
        for (String lang : new String[] {"rhinoJs", "nashornJs", "graalJs", "javascript"}) {
            assertEquals(lang, read("<script " + NS + " language=\"" + lang + "\">1</script>").language());
        }
    }

    private static void assertError(String expected, String xml) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(xml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.location().toString().startsWith("seq.xml:1:"), e.location().toString());
    }
}
