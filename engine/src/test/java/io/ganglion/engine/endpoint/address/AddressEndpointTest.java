package io.ganglion.engine.endpoint.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.RecordingSender;
import org.junit.jupiter.api.Test;

class AddressEndpointTest {

    private final RecordingSender sender = new RecordingSender();
    private final MediationHarness harness = new MediationHarness().withSender(sender);

    static Endpoint endpoint(String inner) {
        ReadContext ctx = ReadContext.forText("ep.xml",
                "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Backend\">" + inner + "</endpoint>");
        return ctx.endpoint(ctx.root());
    }

    private OutboundRequest send(Endpoint ep, MessageContext ctx) {
        ep.send(ctx, NO_CALLBACK);
        return sender.only();
    }

    static final SendCallback NO_CALLBACK = new SendCallback() {
        @Override
        public void onResponse(InboundResponse response) {}

        @Override
        public void onFailure(SendFailure failure) {}
    };

    @Test
    void restRequestsGetThePostfix() {
        MessageContext ctx = harness.request("application/json", "{}");
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/orders/7?expand=items");
        OutboundRequest r = send(endpoint("<address uri=\"http://backend:9000/api/\"/>"), ctx);
        assertEquals("http://backend:9000/api/orders/7?expand=items", r.uri().toString());
        assertEquals("POST", r.method());
        assertInstanceOf(OutboundBody.Relay.class, r.body());
    }

    @Test
    void soapRequestsDoNotGetThePostfix() {
        MessageContext ctx = harness.request("text/xml", "<e/>");
        ctx.setSoapAction("urn:getQuote");
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/extra");
        OutboundRequest r = send(endpoint("<address uri=\"http://backend:9000/services/Quote\"/>"), ctx);
        assertEquals("http://backend:9000/services/Quote", r.uri().toString());
        assertEquals("\"urn:getQuote\"", r.headers().get("SOAPAction"));
    }

    @Test
    void soapFormatsNeverGetThePostfix() {
        MessageContext ctx = harness.request();
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/extra");
        OutboundRequest r = send(endpoint("<address uri=\"http://backend/svc\" format=\"soap12\"/>"), ctx);
        assertEquals("http://backend/svc", r.uri().toString());
    }

    @Test
    void propertiesAreAppliedAndTheNameRecorded() {
        MessageContext ctx = harness.request("application/json", "{}");
        Endpoint ep = endpoint("<address uri=\"http://backend/svc\"/>"
                + "<property name=\"X-Api-Key\" value=\"k1\" scope=\"transport\"/>"
                + "<property name=\"DISABLE_CHUNKING\" value=\"true\" scope=\"axis2\"/>"
                + "<property name=\"tag\" value=\"v\"/>");
        OutboundRequest r = send(ep, ctx);
        assertEquals("k1", r.headers().get("X-Api-Key"));
        assertEquals(false, r.options().chunked());
        assertEquals("v", ctx.getProperty(Scope.DEFAULT, "tag"));
        assertEquals("Backend", ctx.getProperty(StandardProperties.LAST_ENDPOINT));
    }

    @Test
    void aPostfixThatBreaksTheUrlFailsClearly() {
        MessageContext ctx = harness.request();
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/a%zz b");
        OutboundRequest r = send(endpoint("<address uri=\"http://backend/svc\"/>"), ctx);
        assertEquals("http://backend/svc/a%25zz%20b", r.uri().toString(), "illegal characters are encoded");
        AddressEndpoint plain = new AddressEndpoint(io.ganglion.engine.endpoint.EndpointWrapper.ANONYMOUS, "mailto:x",
                io.ganglion.engine.endpoint.definition.EndpointDefinition.EMPTY);
        assertThrows(MediationException.class, () -> plain.target(harness.request()));
    }
}
