package io.ganglion.engine.proxy;

import static io.ganglion.engine.testing.XmlAsserts.assertSimilar;
import static io.ganglion.engine.testing.XmlAsserts.readContext;
import static io.ganglion.engine.testing.XmlAsserts.writeContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.RepositoryFiles;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.mediator.SequenceReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyServiceXmlTest {

    private static final String NS = "xmlns='http://ws.apache.org/ns/synapse'";

    private static ProxyService read(String xml, Path repo) {
        ReadContext ctx = readContext("p.xml", xml);
        return new ProxyServiceXml(repo == null ? null : new RepositoryFiles(repo)).read(ctx.root(), ctx);
    }

    @Test
    void roundTripWithInlineSequencesAndKeyedEndpoint() {
        String xml = "<proxy " + NS + " name='StockQuote' transports='https http' startOnLoad='true' trace='disable'>"
                + "<description>quotes</description>"
                + "<target endpoint='StockEP' faultSequence='errors'>"
                + "<inSequence><log level='full'/></inSequence>"
                + "<outSequence><send/></outSequence>"
                + "</target>"
                + "<publishWSDL><wsdl:definitions xmlns:wsdl='http://schemas.xmlsoap.org/wsdl/' name='Q'>"
                + "<wsdl:types/></wsdl:definitions></publishWSDL>"
                + "<parameter name='serviceType'>proxy</parameter>"
                + "<policy key='sec'/>"
                + "<enableAddressing/>"
                + "<enableSec/>"
                + "</proxy>";
        ProxyService p = read(xml, null);
        assertEquals("StockQuote", p.name());
        assertEquals(List.of("https", "http"), List.copyOf(p.transports()));
        assertInstanceOf(Sequence.class, p.inSequence());
        assertEquals("errors", assertInstanceOf(SequenceReference.class, p.faultSequence()).key());
        assertEquals("StockEP", assertInstanceOf(KeyedEndpoint.class, p.endpoint()).key());
        assertTrue(p.wsdl().contains("definitions") && p.wsdl().contains("http://schemas.xmlsoap.org/wsdl/"),
                p.wsdl());
        assertEquals("proxy:StockQuote", p.flowName());
        assertSimilar(xml, ProxyServiceXml.write(p, writeContext()));
    }

    @Test
    void recordsEndpointAndSequenceReferences() {
        ReadContext ctx = readContext("p.xml", "<proxy " + NS + " name='P'><target inSequence='in' endpoint='ep'/>"
                + "<publishWSDL key='wsdlEntry'/></proxy>");
        ProxyService p = new ProxyServiceXml(null).read(ctx.root(), ctx);
        assertEquals(List.of("SEQUENCE in", "ENDPOINT ep", "LOCAL_ENTRY wsdlEntry"), ctx.references().stream()
                .map(r -> r.kind() + " " + r.key()).toList());
        assertEquals(Set.of("http", "https"), p.transports());
        assertTrue(p.startOnLoad());
        assertNull(p.wsdl(), "a keyed WSDL is resolved by the loader");
        assertEquals("wsdlEntry", p.publishWsdl().key());
    }

    @Test
    void readsWsdlFromAFile(@TempDir Path repo) throws IOException {
        Files.writeString(repo.resolve("q.wsdl"), "<definitions xmlns='http://schemas.xmlsoap.org/wsdl/'/>");
        String xml = "<proxy " + NS + " name='P'><target inSequence='in'/><publishWSDL uri='file:q.wsdl'/></proxy>";
        ProxyService p = read(xml, repo);
        assertEquals("<definitions xmlns='http://schemas.xmlsoap.org/wsdl/'/>", p.wsdl());
        assertSimilar(xml, ProxyServiceXml.write(p, writeContext()));
    }

    @Test
    void unreadableWsdlIsAProblemAtPublishWsdl(@TempDir Path repo) throws IOException {
        ConfigException missing = assertThrows(ConfigException.class, () -> read("<proxy " + NS
                + " name='P'>\n<target inSequence='in'/>\n<publishWSDL uri='file:none.wsdl'/></proxy>", repo));
        assertTrue(missing.toProblem().toString().startsWith("p.xml:3:1: proxy 'P' cannot publish its WSDL: file"
                + " 'file:none.wsdl' does not exist"), missing.toProblem().toString());
        Files.writeString(repo.resolve("bad.wsdl"), "<definitions>\n<oops></definitions>");
        ConfigException broken = assertThrows(ConfigException.class, () -> read("<proxy " + NS
                + " name='P'><target inSequence='in'/><publishWSDL uri='bad.wsdl'/></proxy>", repo));
        assertEquals(repo.resolve("bad.wsdl").toString(), broken.location().file());
        assertEquals(2, broken.location().line());
        ConfigException remote = assertThrows(ConfigException.class, () -> read("<proxy " + NS
                + " name='P'><target inSequence='in'/><publishWSDL uri='http://x/q?wsdl'/></proxy>", repo));
        assertTrue(remote.getMessage().contains("not a local file"), remote.getMessage());
    }

    @Test
    void rejectsBrokenProxies() {
        assertProblem("<proxy " + NS + " name='P'/>", "p.xml:1:1: proxy 'P' needs a <target>");
        assertProblem("<proxy " + NS + " name='P'>\n<target/></proxy>",
                "p.xml:2:1: the <target> of proxy 'P' needs an inSequence or an endpoint");
        assertProblem("<proxy " + NS + " name='P' transports='jms'><target inSequence='x'/></proxy>",
                "p.xml:1:1: proxy 'P' is exposed on none of the supported transports (http, https): 'jms'");
        assertProblem("<proxy " + NS + " name='P'><target inSequence='x'/>\n<wsdl/></proxy>",
                "p.xml:2:1: unexpected <wsdl> in proxy 'P'");
        assertProblem("<proxy " + NS + " name='P'><target inSequence='x' endpoint='e'>\n<endpoint key='f'/></target>"
                + "</proxy>", "p.xml:2:1: <endpoint> is given both inline and as attribute 'endpoint'");
        assertProblem("<proxy " + NS + " name='P' startOnLoad='maybe'><target inSequence='x'/></proxy>",
                "p.xml:1:1: attribute 'startOnLoad' must be true or false, not 'maybe'");
        assertProblem("<proxy " + NS + " name='P'><target inSequence='x'/>\n<publishWSDL/></proxy>",
                "p.xml:2:1: <publishWSDL> of proxy 'P' needs exactly one of 'uri', 'key' or an inline WSDL document");
    }

    @Test
    void stoppedProxiesAreKept() {
        ProxyService p = read("<proxy " + NS + " name='P' startOnLoad='false'><target inSequence='x'/></proxy>", null);
        assertFalse(p.startOnLoad());
    }

    private static void assertProblem(String xml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(xml, null));
        assertEquals(expected, e.toProblem().toString());
    }
}
