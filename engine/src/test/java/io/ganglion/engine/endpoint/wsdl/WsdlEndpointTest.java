package io.ganglion.engine.endpoint.wsdl;

import static io.ganglion.engine.testing.XmlAsserts.assertSimilar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.endpoint.definition.Format;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.XmlAsserts;
import io.ganglion.engine.xml.LocatedXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WsdlEndpointTest {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    static final String WSDL11 = "<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\""
            + " xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\" xmlns:soap12=\"http://schemas.xmlsoap.org/wsdl/soap12/\""
            + " xmlns:tns=\"urn:q\" targetNamespace=\"urn:q\">"
            + "<wsdl:service name=\"StockQuoteService\">"
            + "<wsdl:port name=\"Soap11Port\" binding=\"tns:b11\"><soap:address location=\"http://q:9000/soap11\"/></wsdl:port>"
            + "<wsdl:port name=\"Soap12Port\" binding=\"tns:b12\"><soap12:address location=\"http://q:9000/soap12\"/>"
            + "</wsdl:port></wsdl:service></wsdl:definitions>";

    static final String WSDL20 = "<description xmlns=\"http://www.w3.org/ns/wsdl\""
            + " xmlns:wsoap=\"http://www.w3.org/ns/wsdl/soap\" xmlns:tns=\"urn:q\" targetNamespace=\"urn:q\">"
            + "<binding name=\"b\" type=\"http://www.w3.org/ns/wsdl/soap\" wsoap:version=\"1.1\"/>"
            + "<service name=\"Quotes\" interface=\"tns:i\"><endpoint name=\"main\" binding=\"tns:b\""
            + " address=\"http://q:9001/w2\"/></service></description>";

    private static WsdlEndpoint read(String file, String xml) {
        ReadContext ctx = new ReadContext(LocatedXml.parse(file, xml),
                io.ganglion.engine.mediator.MediatorRegistry.defaults(), EndpointRegistry.defaults());
        return (WsdlEndpoint) ctx.endpoint(ctx.root());
    }

    @Test
    void inlineWsdl11GivesTheAddressAndSoapVersion() {
        WsdlEndpoint e = read("ep.xml", "<endpoint " + NS + "><wsdl service=\"StockQuoteService\" port=\"Soap12Port\">"
                + WSDL11 + "</wsdl></endpoint>");
        assertEquals("http://q:9000/soap12", e.address());
        assertEquals(Format.SOAP12, e.effectiveFormat());
        assertNull(e.definition().format(), "the implied format is not written back");
    }

    @Test
    void wsdl20Endpoints() {
        WsdlEndpoint e = read("ep.xml", "<endpoint " + NS + "><wsdl service=\"Quotes\" endpoint=\"main\">" + WSDL20
                + "</wsdl></endpoint>");
        assertEquals("http://q:9001/w2", e.address());
        assertEquals(Format.SOAP11, e.effectiveFormat());
    }

    @Test
    void aRelativeUriIsReadFromTheRepository(@TempDir Path repo) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("conf/synapse-config/endpoints"));
        Files.createDirectories(repo.resolve("wsdl"));
        Files.writeString(repo.resolve("wsdl/quote.wsdl"), WSDL11);
        String file = dir.resolve("Q.xml").toString();
        WsdlEndpoint e = read(file, "<endpoint " + NS + " name=\"Q\"><wsdl uri=\"wsdl/quote.wsdl\""
                + " service=\"tns:StockQuoteService\" port=\"Soap11Port\" format=\"soap12\"/></endpoint>");
        assertEquals("http://q:9000/soap11", e.address());
        assertEquals(Format.SOAP12, e.effectiveFormat(), "a configured format wins");
        WsdlEndpoint byUrl = read(file, "<endpoint " + NS + "><wsdl uri=\"file:" + repo.resolve("wsdl/quote.wsdl")
                + "\" service=\"StockQuoteService\" port=\"Soap11Port\"/></endpoint>");
        assertEquals(Format.SOAP11, byUrl.effectiveFormat());
    }

    @Test
    void sendsToTheAddressAndRefusesWith303002WhenSuspended() {
        ScriptedSender sender = new ScriptedSender();
        MediationHarness harness = new MediationHarness().withSender(sender);
        WsdlEndpoint e = read("ep.xml", "<endpoint " + NS + "><wsdl service=\"StockQuoteService\" port=\"Soap11Port\">"
                + WSDL11 + "</wsdl></endpoint>");
        MessageContext ctx = harness.request("text/xml", "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/"
                + "envelope/\"><s:Body><m/></s:Body></s:Envelope>");
        Outcome o = new Outcome();
        e.send(ctx, o);
        assertEquals("http://q:9000/soap11", sender.requests.get(0).uri().toString());
        assertEquals(101503, o.failure().errorCode());
        Outcome again = new Outcome();
        e.send(harness.request(), again);
        assertEquals(303002, again.failure().errorCode());
    }

    @Test
    void errorsAreLocated(@TempDir Path repo) {
        String file = repo.resolve("ep.xml").toString();
        ConfigException missing = assertThrows(ConfigException.class, () -> read(file, "<endpoint " + NS
                + ">\n<wsdl uri=\"nope.wsdl\" service=\"S\" port=\"P\"/></endpoint>"));
        assertEquals(2, missing.location().line());
        assertTrue(missing.getMessage().contains("cannot read the WSDL 'nope.wsdl'"), missing.getMessage());
        ConfigException remote = assertThrows(ConfigException.class, () -> read(file, "<endpoint " + NS
                + "><wsdl uri=\"http://example.com/q?wsdl\" service=\"S\" port=\"P\"/></endpoint>"));
        assertTrue(remote.getMessage().contains("not fetched from the network"), remote.getMessage());
        ConfigException port = assertThrows(ConfigException.class, () -> read(file, "<endpoint " + NS
                + "><wsdl service=\"StockQuoteService\" port=\"Other\">" + WSDL11 + "</wsdl></endpoint>"));
        assertTrue(port.getMessage().contains("has no port 'Other'"), port.getMessage());
        ConfigException both = assertThrows(ConfigException.class, () -> read(file, "<endpoint " + NS
                + "><wsdl service=\"S\" port=\"P\"/></endpoint>"));
        assertTrue(both.getMessage().contains("needs either a 'uri' or an inline WSDL"), both.getMessage());
    }

    @Test
    void roundTrip() {
        String xml = "<endpoint " + NS + " name=\"W\"><wsdl service=\"StockQuoteService\" port=\"Soap11Port\">" + WSDL11
                + "<timeout><duration>3000</duration><responseAction>fault</responseAction></timeout></wsdl></endpoint>";
        WsdlEndpoint e = read("ep.xml", xml);
        assertSimilar(xml, EndpointRegistry.defaults().write(e, XmlAsserts.writeContext()));
    }
}
