package io.ganglion.engine.message.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.testing.MediationHarness;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

class MessageFormatterTest {

    private static final String S11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String S12 = "http://www.w3.org/2003/05/soap-envelope";

    private static final String SOAP11 = soap11("s");
    private static final String SOAP12 = soap12("e");

    private static String soap11(String p) {
        return "<" + p + ":Envelope xmlns:" + p + "=\"" + S11 + "\"><" + p + ":Header><h:auth xmlns:h=\"urn:h\" " + p
                + ":mustUnderstand=\"1\" " + p + ":actor=\"http://schemas.xmlsoap.org/soap/actor/next\">token</h:auth></"
                + p + ":Header><" + p + ":Body><m:getQuote xmlns:m=\"urn:q\"><m:symbol>IBM</m:symbol></m:getQuote></"
                + p + ":Body></" + p + ":Envelope>";
    }

    private static String soap12(String p) {
        return "<" + p + ":Envelope xmlns:" + p + "=\"" + S12 + "\"><" + p + ":Header><h:auth xmlns:h=\"urn:h\" " + p
                + ":mustUnderstand=\"true\" " + p + ":role=\"" + S12 + "/role/next\">token</h:auth></"
                + p + ":Header><" + p + ":Body><m:getQuote xmlns:m=\"urn:q\"><m:symbol>IBM</m:symbol></m:getQuote></"
                + p + ":Body></" + p + ":Envelope>";
    }

    private final MediationHarness harness = new MediationHarness();

    private MessageContext built(String contentType, String body) {
        MessageContext ctx = harness.request(contentType, body);
        ctx.payload().envelope();
        return ctx;
    }

    private static OutboundBody.Bytes as(MessageContext ctx, String messageType) {
        ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, messageType);
        return MessageFormatter.format(ctx);
    }

    private static String text(OutboundBody.Bytes b) {
        return new String(b.bytes(), StandardCharsets.UTF_8);
    }

    private static void assertSimilar(String expected, String actual) {
        Diff d = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertFalse(d.hasDifferences(), d + "\n" + actual);
    }

    @Nested
    class Soap {

        @Test
        void soap11StaysSoap11() {
            OutboundBody.Bytes out = as(built("text/xml", SOAP11), "text/xml");
            assertEquals("text/xml; charset=UTF-8", out.contentType());
            assertSimilar(SOAP11, text(out));
        }

        @Test
        void soap11BecomesSoap12() {
            MessageContext ctx = built("text/xml", SOAP11);
            ctx.setSoapAction("urn:getQuote");
            OutboundBody.Bytes out = as(ctx, "application/soap+xml");
            assertEquals("application/soap+xml; charset=UTF-8; action=\"urn:getQuote\"", out.contentType());
            assertSimilar(soap12("s"), text(out));
        }

        @Test
        void soap12BecomesSoap11() {
            OutboundBody.Bytes out = as(built("application/soap+xml", SOAP12), "text/xml");
            assertSimilar(soap11("e"), text(out));
        }

        @Test
        void soap11FaultBecomesSoap12Fault() {
            String fault = "<s:Envelope xmlns:s=\"" + S11 + "\"><s:Body><s:Fault><faultcode>s:Client</faultcode>"
                    + "<faultstring>bad input</faultstring><faultactor>urn:me</faultactor><detail><d>x</d></detail>"
                    + "</s:Fault></s:Body></s:Envelope>";
            String expected = "<s:Envelope xmlns:s=\"" + S12 + "\"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code>"
                    + "<s:Reason><s:Text xml:lang=\"en\">bad input</s:Text></s:Reason><s:Role>urn:me</s:Role>"
                    + "<s:Detail><d>x</d></s:Detail></s:Fault></s:Body></s:Envelope>";
            assertSimilar(expected, text(as(built("text/xml", fault), "application/soap+xml")));
        }

        @Test
        void soap12FaultBecomesSoap11Fault() {
            String fault = "<e:Envelope xmlns:e=\"" + S12 + "\"><e:Body><e:Fault><e:Code><e:Value>e:Receiver</e:Value></e:Code>"
                    + "<e:Reason><e:Text xml:lang=\"en\">down</e:Text></e:Reason></e:Fault></e:Body></e:Envelope>";
            String expected = "<e:Envelope xmlns:e=\"" + S11 + "\"><e:Body><e:Fault><faultcode>e:Server</faultcode>"
                    + "<faultstring>down</faultstring></e:Fault></e:Body></e:Envelope>";
            assertSimilar(expected, text(as(built("application/soap+xml", fault), "text/xml")));
        }

        @Test
        void poxIsWrappedForSoapTypes() {
            OutboundBody.Bytes out = as(built("application/xml", "<a>1</a>"), "application/soap+xml");
            assertSimilar("<s:Envelope xmlns:s=\"" + S12 + "\"><s:Body><a>1</a></s:Body></s:Envelope>", text(out));
        }
    }

    @Nested
    class Pox {

        @Test
        void firstElementOnly() {
            OutboundBody.Bytes out = as(built("text/xml", SOAP11), "application/xml");
            assertEquals("application/xml; charset=UTF-8", out.contentType());
            assertSimilar("<m:getQuote xmlns:m=\"urn:q\"><m:symbol>IBM</m:symbol></m:getQuote>", text(out));
        }

        @Test
        void jsonMarkersAreLeftOut() {
            OutboundBody.Bytes out = as(built("application/json", "{\"a\":[\"1\"],\"b\":{}}"), "application/xml");
            assertEquals("<jsonObject><a>1</a><b/></jsonObject>", text(out));
        }

        @Test
        void emptyBodyIsNoBytes() {
            MessageContext ctx = harness.request();
            ctx.setPayload(Payload.of(MessageBuilder.emptyEnvelope()));
            assertEquals(0, as(ctx, "application/xml").bytes().length);
        }

        @Test
        void givenCharsetIsUsed() {
            OutboundBody.Bytes out = as(built("application/xml", "<a>caf\u00e9</a>"), "application/xml; charset=ISO-8859-1");
            assertEquals("application/xml; charset=ISO-8859-1", out.contentType());
            String latin = new String(out.bytes(), StandardCharsets.ISO_8859_1);
            assertTrue(latin.contains("caf\u00e9"), latin);
            assertTrue(latin.startsWith("<?xml"), latin);
        }
    }

    @Nested
    class Json {

        @Test
        void jsonComesBackAsItWas() {
            String json = "{\"id\":\"123\",\"n\":123,\"f\":1.50,\"list\":[1],\"none\":[],\"o\":{},\"z\":null,\"u\":\"\u00e9\ud83d\ude00\"}";
            OutboundBody.Bytes out = as(built("application/json", json), "application/json");
            assertEquals("application/json; charset=UTF-8", out.contentType());
            assertEquals(json, text(out));
        }

        @Test
        void poxBecomesJson() {
            OutboundBody.Bytes out = as(built("application/xml", "<order><id>1</id><item>a</item><item>b</item></order>"),
                    "application/json");
            assertEquals("{\"order\":{\"id\":1,\"item\":[\"a\",\"b\"]}}", text(out));
        }

        @Test
        void soapBodyBecomesJson() {
            assertEquals("{\"getQuote\":{\"symbol\":\"IBM\"}}", text(as(built("text/xml", SOAP11), "application/json")));
        }
    }

    @Nested
    class OtherTypes {

        @Test
        void text() {
            OutboundBody.Bytes out = as(built("text/plain", "hello"), "text/plain");
            assertEquals("text/plain; charset=UTF-8", out.contentType());
            assertEquals("hello", MessageFormatterTest.text(out));
            assertEquals("IBM", MessageFormatterTest.text(as(built("text/xml", SOAP11), "text/plain")));
        }

        @Test
        void form() {
            OutboundBody.Bytes out = as(built("application/x-www-form-urlencoded", "a=1&first+name=J%C3%BCrgen&c="),
                    "application/x-www-form-urlencoded");
            assertEquals("a=1&first+name=J%C3%BCrgen&c=", MessageFormatterTest.text(out));
        }

        @Test
        void binaryComesBackAsBytes() {
            byte[] bytes = {1, 2, 3, (byte) 0xFE};
            MessageContext ctx = harness.request();
            ctx.setPayload(Payload.of(MessageBuilder.build(bytes, "application/octet-stream")));
            OutboundBody.Bytes out = as(ctx, "application/octet-stream");
            assertArrayEquals(bytes, out.bytes());
            assertEquals("application/octet-stream", out.contentType());
        }
    }

    @Nested
    class MessageType {

        private MessageContext undeclared(String contentType, String body) {
            MessageContext ctx = built(contentType, body);
            ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, null);
            ctx.setAxis2Property(StandardProperties.CONTENT_TYPE, null);
            return ctx;
        }

        @Test
        void declaredTypesWin() {
            MessageContext ctx = built("application/json", "{}");
            assertEquals("application/json", MessageFormatter.messageType(ctx));
            ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, null);
            assertEquals("application/json", MessageFormatter.messageType(ctx));
            ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, "application/xml");
            assertEquals("application/xml", MessageFormatter.messageType(ctx));
        }

        @Test
        void otherwiseTheEnvelopeDecides() {
            assertEquals("application/soap+xml", MessageFormatter.messageType(undeclared("application/soap+xml", SOAP12)));
            assertEquals("text/xml", MessageFormatter.messageType(undeclared("text/xml", SOAP11)));
            assertEquals("application/json", MessageFormatter.messageType(undeclared("application/json", "[1]")));
            assertEquals("application/xml", MessageFormatter.messageType(undeclared("application/xml", "<a/>")));
            assertEquals("text/plain", MessageFormatter.messageType(undeclared("text/plain", "x")));
            MessageContext engineMade = harness.request();
            engineMade.setPayload(Payload.of(MessageBuilder.wrap(null, false)));
            assertEquals("application/xml", MessageFormatter.messageType(engineMade));
        }

        @Test
        void anUnbuiltPayloadIsNotBuilt() {
            MessageContext ctx = harness.request("application/json", "{}");
            ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, null);
            ctx.setAxis2Property(StandardProperties.CONTENT_TYPE, null);
            assertEquals("application/json", MessageFormatter.messageType(ctx));
            assertEquals("json", MessageFormatter.messageFormat(ctx));
            assertFalse(ctx.payload().isBuilt());
        }
    }
}
