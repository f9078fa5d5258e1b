package io.ganglion.engine.endpoint.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.definition.Format;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestPostfixTest {

    private final MediationHarness harness = new MediationHarness();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://h/svc|/orders/1|http://h/svc/orders/1",
        "http://h/svc/|/orders/1|http://h/svc/orders/1",
        "http://h/svc|orders/1|http://h/svc/orders/1",
        "http://h/svc/|orders|http://h/svc/orders",
        "http://h/svc|?a=1|http://h/svc?a=1",
        "http://h/svc/|?a=1|http://h/svc?a=1",
        "http://h/|?a=1|http://h/?a=1",
        "http://h|/x|http://h/x",
        "http://h/svc?k=v|/orders?a=1|http://h/svc/orders?k=v&a=1",
        "http://h/svc?k=v|/orders|http://h/svc/orders?k=v",
        "http://h/svc|/orders/1?a=1&b=2|http://h/svc/orders/1?a=1&b=2"
    })
    void joinsWithOneSlash(String address, String postfix, String expected) {
        assertEquals(expected, RestPostfix.join(address, postfix));
    }

    @Test
    void restMethodsAreRest() {
        for (String m : new String[] {"GET", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS", "get"}) {
            MessageContext ctx = harness.request("text/xml", "<e/>");
            ctx.setSoapAction("urn:x");
            ctx.setAxis2Property(StandardProperties.HTTP_METHOD, m);
            assertTrue(RestPostfix.isRest(ctx, null), m);
        }
    }

    @Test
    void postIsRestUnlessSoap() {
        assertTrue(RestPostfix.isRest(harness.request("application/json", "{}"), null));
        assertTrue(RestPostfix.isRest(harness.request("application/xml", "<a/>"), null));
        assertFalse(RestPostfix.isRest(harness.request("application/soap+xml; charset=UTF-8", "<e/>"), null));
        MessageContext pox = harness.request("text/xml", "<a/>");
        assertTrue(RestPostfix.isRest(pox, null), "text/xml without SOAPAction is plain XML");
        MessageContext soap = harness.request("text/xml", "<e/>");
        soap.setSoapAction("urn:getQuote");
        assertFalse(RestPostfix.isRest(soap, null));
    }

    @Test
    void formatDecidesFirst() {
        MessageContext soap = harness.request("text/xml", "<e/>");
        soap.setSoapAction("urn:getQuote");
        assertTrue(RestPostfix.isRest(soap, Format.REST));
        MessageContext get = harness.request();
        assertFalse(RestPostfix.isRest(get, Format.SOAP11));
        assertFalse(RestPostfix.isRest(get, Format.SOAP12));
        assertTrue(RestPostfix.isRest(get, Format.POX));
    }

    @Test
    void appliesOnlyToRestRequestsWithAPostfix() {
        MessageContext ctx = harness.request();
        assertEquals("http://h/svc", RestPostfix.apply(ctx, "http://h/svc", null));
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/a?b=c");
        assertEquals("http://h/svc/a?b=c", RestPostfix.apply(ctx, "http://h/svc", null));
        assertEquals("http://h/svc", RestPostfix.apply(ctx, "http://h/svc", Format.SOAP11));
    }
}
