package io.ganglion.engine.config;

import static io.ganglion.engine.testing.XmlAsserts.assertSimilar;
import static io.ganglion.engine.testing.XmlAsserts.readContext;
import static io.ganglion.engine.testing.XmlAsserts.writeContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactXmlTest {

    private static final String NS = "xmlns='http://ws.apache.org/ns/synapse'";

    @Test
    void sequenceRoundTrip() {
        String xml = "<sequence " + NS + " name='s1' onError='errors'><log level='full'/><send><endpoint key='ep'/>"
                + "</send></sequence>";
        ReadContext ctx = readContext("s.xml", xml);
        Sequence s = SequenceXml.read(ctx.root(), ctx);
        assertEquals("s1", s.name());
        assertEquals("errors", s.onError());
        assertEquals(2, s.children().size());
        assertEquals(List.of("errors", "ep"), ctx.references().stream().map(ReadContext.Reference::key).toList());
        assertSimilar(xml, SequenceXml.write(s, writeContext()));
    }

    @Test
    void sequenceAcceptsTraceAndStatisticsFlags() {
        String xml = "<sequence " + NS + " name='s' trace='enable' statistics='disable'><description>d</description>"
                + "<log/></sequence>";
        ReadContext ctx = readContext("s.xml", xml);
        assertEquals(1, SequenceXml.read(ctx.root(), ctx).children().size());
        ReadContext bad = readContext("s.xml", "<sequence " + NS + " name='s'\n  trace='yes'/>");
        ConfigException e = assertThrows(ConfigException.class, () -> SequenceXml.read(bad.root(), bad));
        assertEquals("s.xml:1:1: attribute 'trace' must be enable or disable, not 'yes'", e.toProblem().toString());
    }

    @Test
    void sequenceNeedsAName() {
        ReadContext ctx = readContext("s.xml", "<sequence " + NS + "><log/></sequence>");
        ConfigException e = assertThrows(ConfigException.class, () -> SequenceXml.read(ctx.root(), ctx));
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
    }

    @Test
    void textLocalEntryRoundTrip() {
        String xml = "<localEntry " + NS + " key='greeting'>  Hello, world  </localEntry>";
        ReadContext ctx = readContext("le.xml", xml);
        LocalEntry e = new LocalEntryXml(null).read(ctx.root(), ctx);
        assertEquals("Hello, world", e.text());
        assertNull(e.xml());
        assertSimilar(xml, LocalEntryXml.write(e, writeContext()));
    }

    @Test
    void xmlLocalEntryRoundTrip() {
        String xml = "<localEntry " + NS + " key='doc'><m:doc xmlns:m='urn:m'><m:a x='1'>v</m:a><b/></m:doc>"
                + "</localEntry>";
        ReadContext ctx = readContext("le.xml", xml);
        LocalEntry e = new LocalEntryXml(null).read(ctx.root(), ctx);
        assertEquals("doc", e.xml().getLocalName());
        assertEquals("urn:m", e.xml().getNamespace().getNamespaceURI());
        assertNull(e.xml().getParent());
        assertSimilar(xml, LocalEntryXml.write(e, writeContext()));
    }

    @Test
    void xmlLocalEntryKeepsNamespacesDeclaredAbove() {
        String xml = "<definitions " + NS + " xmlns:m='urn:m'><localEntry key='doc'><m:doc><m:a/></m:doc></localEntry>"
                + "</definitions>";
        ReadContext ctx = readContext("synapse.xml", xml);
        LocalEntry e = new LocalEntryXml(null).read(ReadContext.child(ctx.root(), "localEntry"), ctx);
        assertTrue(e.xml().toString().contains("urn:m"), e.xml().toString());
    }

    @Test
    void localEntryHoldsOneElement() {
        ReadContext ctx = readContext("le.xml", "<localEntry " + NS + " key='k'>\n<a/>\n<b/></localEntry>");
        ConfigException e = assertThrows(ConfigException.class, () -> new LocalEntryXml(null).read(ctx.root(), ctx));
        assertEquals("le.xml:3:1: local entry 'k' holds 2 elements; it may hold text or one XML element",
                e.toProblem().toString());
    }

    @Test
    void localEntryFromSrcFile(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("conf/res"));
        Files.writeString(repo.resolve("conf/res/doc.xml"), "<?xml version='1.0'?>\n<doc><a>1</a></doc>");
        Files.writeString(repo.resolve("conf/res/plain.txt"), "some text\n");
        LocalEntryXml reader = new LocalEntryXml(new RepositoryFiles(repo));
        ReadContext ctx = readContext("le.xml", "<localEntry " + NS + " key='k' src='file:conf/res/doc.xml'/>");
        assertEquals("doc", reader.read(ctx.root(), ctx).xml().getLocalName());
        ReadContext text = readContext("le.xml", "<localEntry " + NS + " key='k' src='conf/res/plain.txt'/>");
        assertEquals("some text", reader.read(text.root(), text).text());
        ReadContext missing = readContext("le.xml", "<localEntry " + NS + " key='k' src='conf/res/none.xml'/>");
        ConfigException e = assertThrows(ConfigException.class, () -> reader.read(missing.root(), missing));
        assertTrue(e.toProblem().toString().startsWith("le.xml:1:1: local entry 'k': file 'conf/res/none.xml' does not"
                + " exist"), e.toProblem().toString());
    }

    @Test
    void localEntrySrcErrorsAreLocatedInTheSrcFile(@TempDir Path repo) throws IOException {
        Path broken = repo.resolve("broken.xml");
        Files.writeString(broken, "<doc>\n  <a>\n</doc>");
        ReadContext ctx = readContext("le.xml", "<localEntry " + NS + " key='k' src='broken.xml'/>");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new LocalEntryXml(new RepositoryFiles(repo)).read(ctx.root(), ctx));
        assertEquals(broken.toString(), e.location().file());
        assertEquals(3, e.location().line());
    }

    @Test
    void templateRoundTrip() {
        String xml = "<template " + NS + " name='greet'><parameter name='who'/>"
                + "<parameter name='greeting' defaultValue='Hello'/><parameter name='id' isMandatory='true'/>"
                + "<sequence onError='oops'><log/><send/></sequence></template>";
        ReadContext ctx = readContext("t.xml", xml);
        SequenceTemplate t = TemplateXml.read(ctx.root(), ctx);
        assertEquals("greet", t.name());
        assertEquals(List.of(new SequenceTemplate.Parameter("who", null, false),
                new SequenceTemplate.Parameter("greeting", "Hello", false),
                new SequenceTemplate.Parameter("id", null, true)), t.parameters());
        assertEquals(2, t.body().children().size());
        assertEquals("oops", t.body().onError());
        assertSimilar(xml, TemplateXml.write(t, writeContext()));
    }

    @Test
    void aTemplateHoldsASequenceOrAnEndpoint() {
        ReadContext ctx = readContext("t.xml", "<template " + NS + " name='ept'>\n  <sequence/>\n"
                + "  <endpoint name='$name'><address uri='$uri'/></endpoint>\n</template>");
        assertFalse(TemplateXml.isEndpointTemplate(ctx.root()));
        ConfigException e = assertThrows(ConfigException.class, () -> TemplateXml.read(ctx.root(), ctx));
        assertEquals("t.xml:3:3: template 'ept' holds both a <sequence> and an <endpoint>", e.toProblem().toString());
    }

    @Test
    void templateNeedsASequenceAndUniqueParameters() {
        ReadContext none = readContext("t.xml", "<template " + NS + " name='t'><parameter name='a'/></template>");
        assertTrue(assertThrows(ConfigException.class, () -> TemplateXml.read(none.root(), none)).getMessage()
                .contains("needs a <sequence>"));
        ReadContext twice = readContext("t.xml", "<template " + NS + " name='t'><parameter name='a'/>"
                + "<parameter name='a'/><sequence/></template>");
        assertFalse(assertThrows(ConfigException.class, () -> TemplateXml.read(twice.root(), twice)).getMessage()
                .isEmpty());
    }
}
