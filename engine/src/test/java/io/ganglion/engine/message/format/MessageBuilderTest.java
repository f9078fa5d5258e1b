package io.ganglion.engine.message.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.message.PayloadException;
import io.ganglion.engine.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPEnvelope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageBuilderTest {

    private static final String SOAP11 = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<s:Header><h xmlns=\"urn:h\">hv</h></s:Header><s:Body><m:getQuote xmlns:m=\"urn:q\"><m:symbol>IBM</m:symbol>"
            + "</m:getQuote></s:Body></s:Envelope>";
    private static final String SOAP12 = "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\">"
            + "<e:Body><m:getQuote xmlns:m=\"urn:q\"/></e:Body></e:Envelope>";

    private static SOAPEnvelope build(String body, String contentType) {
        return MessageBuilder.build(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static boolean isSoap12(SOAPEnvelope env) {
        return MessageBuilder.SOAP12_NS.equals(env.getNamespaceURI());
    }

    @Nested
    class Soap {

        @Test
        void soap11AsItIs() {
            SOAPEnvelope env = build(SOAP11, "text/xml; charset=UTF-8");
            assertTrue(!isSoap12(env));
            assertEquals("getQuote", env.getBody().getFirstElement().getLocalName());
            assertEquals("h", env.getHeader().getFirstElement().getLocalName());
        }

        @Test
        void soap12AsItIs() {
            SOAPEnvelope env = build(SOAP12, "application/soap+xml; charset=UTF-8; action=\"urn:x\"");
            assertTrue(isSoap12(env));
            assertEquals("getQuote", env.getBody().getFirstElement().getLocalName());
        }

        @Test
        void poxSentAsTextXmlIsWrapped() {
            SOAPEnvelope env = build("<order><id>1</id></order>", "text/xml");
            assertTrue(!isSoap12(env));
            assertEquals("order", env.getBody().getFirstElement().getLocalName());
        }

        @Test
        void poxSentAsSoap12IsWrappedInSoap12() {
            SOAPEnvelope env = build("<order/>", "application/soap+xml");
            assertTrue(isSoap12(env));
            assertEquals("order", env.getBody().getFirstElement().getLocalName());
        }

        @Test
        void brokenEnvelopeIs400() {
            PayloadException e = assertThrows(PayloadException.class,
                    () -> build("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>", "text/xml"));
            assertEquals(400, e.status());
        }
    }

    @Nested
    class Pox {

        @ParameterizedTest
        @ValueSource(strings = {"application/xml", "application/atom+xml", "text/xml", "application/xml; charset=ISO-8859-1"})
        void poxGoesIntoASoap11Body(String type) {
            SOAPEnvelope env = build("<order xmlns=\"urn:o\"><id>1</id></order>", type);
            assertTrue(!isSoap12(env));
            OMElement order = env.getBody().getFirstElement();
            assertEquals("order", order.getLocalName());
            assertEquals("urn:o", order.getNamespaceURI());
            assertEquals("1", order.getFirstElement().getText());
        }

        @Test
        void envelopeSentAsApplicationXmlIsPox() {
            SOAPEnvelope env = build(SOAP11, "application/xml");
            assertEquals("Envelope", env.getBody().getFirstElement().getLocalName());
        }

        @Test
        void charsetParameterDecodesTheBody() {
            byte[] latin = "<a>caf\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
            SOAPEnvelope env = MessageBuilder.build(latin, "application/xml; charset=ISO-8859-1");
            assertEquals("caf\u00e9", env.getBody().getFirstElement().getText());
        }

        @Test
        void malformedXmlIs400WithAClearMessage() {
            PayloadException e = assertThrows(PayloadException.class, () -> build("<a><b></a>", "application/xml"));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith("malformed XML body: "), e.getMessage());
            assertTrue(!e.getMessage().contains("ParseError"), e.getMessage());
        }

        @Test
        void absolutePathsWorkOnWrappedPox() {
            SOAPEnvelope env = build("<a/>", "application/xml");
            assertTrue(env.getParent() != null, "the envelope sits in a document");
        }
    }

    @Nested
    class Security {

        @Test
        void xxeIsRejected() {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>";
            for (String type : new String[] {"application/xml", "text/xml", "application/soap+xml", "text/xml"}) {
                PayloadException e = assertThrows(PayloadException.class, () -> build(xxe, type));
                assertEquals(400, e.status());
                assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("DTD"), e.getMessage());
            }
        }

        @Test
        void doctypeInAnEnvelopeIsRejected() {
            String doc = "<!DOCTYPE s:Envelope><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<s:Body/></s:Envelope>";
            PayloadException e = assertThrows(PayloadException.class, () -> build(doc, "text/xml"));
            assertEquals(400, e.status());
        }

        @Test
        void billionLaughsIsRejected() {
            String bomb = "<!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><l>&b;</l>";
            assertEquals(400, assertThrows(PayloadException.class, () -> build(bomb, "application/xml")).status());
        }

        @Test
        void depthOverTheLimitIs400() {
            int n = SecureXml.MAX_DEPTH + 5;
            String deep = "<a>".repeat(n) + "</a>".repeat(n);
            PayloadException e = assertThrows(PayloadException.class, () -> build(deep, "application/xml"));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("Depth"), e.getMessage());
            PayloadException soap = assertThrows(PayloadException.class, () -> build(
                    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>" + deep
                            + "</s:Body></s:Envelope>", "text/xml"));
            assertEquals(400, soap.status());
        }

        @Test
        void jsonDepthOverTheLimitIs400() {
            String deep = "[".repeat(500) + "]".repeat(500);
            assertEquals(400, assertThrows(PayloadException.class, () -> build(deep, "application/json")).status());
        }
    }

    @Nested
    class OtherTypes {

        @Test
        void jsonBecomesJsonObject() {
            SOAPEnvelope env = build("{\"a\":{\"b\":[1]}}", "application/json; charset=UTF-8");
            OMElement root = env.getBody().getFirstElement();
            assertEquals("jsonObject", root.getLocalName());
            assertEquals("1", root.getFirstElement().getFirstElement().getText());
            assertEquals("jsonArray", build("[1]", "application/vnd.api+json").getBody().getFirstElement().getLocalName());
        }

        @Test
        void malformedJsonIs400() {
            assertEquals(400, assertThrows(PayloadException.class, () -> build("{\"a\"", "application/json")).status());
        }

        @Test
        void textIsWrapped() {
            OMElement text = build("hello <world> & co", "text/plain").getBody().getFirstElement();
            assertEquals(MessageBuilder.TEXT.getLocalPart(), text.getLocalName());
            assertEquals(MessageBuilder.PAYLOAD_NS, text.getNamespaceURI());
            assertEquals("hello <world> & co", text.getText());
        }

        @Test
        void formBecomesXformValues() {
            OMElement form = build("name=J%C3%BCrgen+S&age=42&empty=&first+name=x&1st=y", "application/x-www-form-urlencoded")
                    .getBody().getFirstElement();
            assertEquals("xformValues", form.getLocalName());
            Iterator<OMElement> it = form.getChildElements();
            OMElement name = it.next();
            assertEquals("name", name.getLocalName());
            assertEquals("J\u00fcrgen S", name.getText());
            assertEquals("42", it.next().getText());
            assertEquals("", it.next().getText());
            assertEquals("first_x0020_name", it.next().getLocalName());
            assertEquals("_x0031_st", it.next().getLocalName());
        }

        @Test
        void anythingElseIsBase64() {
            byte[] bytes = {0, 1, 2, (byte) 0xFF};
            OMElement bin = MessageBuilder.build(bytes, "image/png").getBody().getFirstElement();
            assertEquals(MessageBuilder.BINARY.getLocalPart(), bin.getLocalName());
            assertEquals(Base64.getEncoder().encodeToString(bytes), bin.getText());
        }

        @Test
        void emptyBodyGivesAnEmptySoap11Envelope() {
            SOAPEnvelope env = MessageBuilder.build(new byte[0], "application/json");
            assertTrue(!isSoap12(env));
            assertNull(env.getBody().getFirstElement());
            assertNull(build("  ", "application/json").getBody().getFirstElement());
            assertNull(build("\n ", "application/xml").getBody().getFirstElement());
        }

        @Test
        void missingContentTypeIsSniffed() {
            assertEquals("jsonObject", build(" {\"a\":1}", null).getBody().getFirstElement().getLocalName());
            assertEquals("getQuote", build(SOAP11, null).getBody().getFirstElement().getLocalName());
            assertEquals("binary", build("plain words", null).getBody().getFirstElement().getLocalName());
        }
    }
}
