package io.ganglion.engine.endpoint.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.Endpoints;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.RecordingSender;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DefaultEndpointTest {

    private final RecordingSender sender = new RecordingSender();
    private final MediationHarness harness = new MediationHarness().withSender(sender);

    private static final SendCallback NO_CALLBACK = new SendCallback() {
        @Override
        public void onResponse(InboundResponse response) {}

        @Override
        public void onFailure(SendFailure failure) {}
    };

    static Endpoint endpoint(String inner) {
        ReadContext ctx = ReadContext.forText("ep.xml",
                "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\">" + inner + "</endpoint>");
        return ctx.endpoint(ctx.root());
    }

    private OutboundRequest send(Endpoint ep, MessageContext ctx) {
        ep.send(ctx, NO_CALLBACK);
        return sender.only();
    }

    @Test
    void sendsToTheToAddressPlusThePostfixForRest() {
        MessageContext ctx = harness.request("application/json", "{}");
        ctx.setTo("http://backend:9000/svc");
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/items?x=1");
        OutboundRequest r = send(endpoint("<default><timeout><duration>1500</duration></timeout></default>"), ctx);
        assertEquals("http://backend:9000/svc/items?x=1", r.uri().toString());
        assertEquals(Duration.ofMillis(1500), r.options().responseTimeout());
    }

    @Test
    void soapRequestsGoToToAsItIs() {
        MessageContext ctx = harness.request("application/soap+xml", "<e/>");
        ctx.setTo("http://backend:9000/services/Quote");
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/items");
        assertEquals("http://backend:9000/services/Quote", send(endpoint("<default/>"), ctx).uri().toString());
    }

    @Test
    void aRelativeOrMissingToFails() {
        Endpoint ep = endpoint("<default/>");
        MessageContext relative = harness.request();
        MediationException e = assertThrows(MediationException.class, () -> ep.send(relative, NO_CALLBACK));
        assertTrue(e.getMessage().startsWith("default endpoint sends to the message's To address, but To '/' is not"
                + " an absolute http or https URL"), e.getMessage());
        MessageContext none = harness.request();
        none.setTo(null);
        e = assertThrows(MediationException.class, () -> ep.send(none, NO_CALLBACK));
        assertTrue(e.getMessage().contains("To is not set"), e.getMessage());
        assertTrue(sender.sent.isEmpty());
    }

    @Test
    void theImplicitEndpointSendsToToWithoutThePostfix() {
        Endpoint implicit = Endpoints.implicitTo();
        assertSame(ImplicitToEndpoint.INSTANCE, implicit);
        MessageContext ctx = harness.request("application/json", "{}");
        ctx.setTo("http://backend:9000/svc?a=1");
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/items");
        OutboundRequest r = send(implicit, ctx);
        assertEquals("http://backend:9000/svc?a=1", r.uri().toString());
        assertEquals("POST", r.method());
    }

    @Test
    void theImplicitEndpointRejectsABadTo() {
        MessageContext ctx = harness.request();
        MediationException e = assertThrows(MediationException.class, () -> Endpoints.implicitTo().send(ctx,
                NO_CALLBACK));
        assertTrue(e.getMessage().startsWith("<send/> without an endpoint sends to the message's To address, but To"
                + " '/' is not an absolute http or https URL"), e.getMessage());
        ctx.setTo("ftp://files/x");
        assertThrows(MediationException.class, () -> Endpoints.implicitTo().send(ctx, NO_CALLBACK));
        ctx.setTo(null);
        e = assertThrows(MediationException.class, () -> Endpoints.implicitTo().send(ctx, NO_CALLBACK));
        assertTrue(e.getMessage().contains("To is not set"), e.getMessage());
    }
}
