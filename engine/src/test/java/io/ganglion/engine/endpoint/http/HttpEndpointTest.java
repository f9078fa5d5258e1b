package io.ganglion.engine.endpoint.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.RecordingSender;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {

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
    void expandsPropertiesWithoutThePostfix() {
        MessageContext ctx = harness.request();
        ctx.setProperty("uri.var.id", "a b/ü");
        ctx.setProperty("query.param.q", "x&y");
        ctx.setProperty("region", "eu");
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, "/ignored");
        OutboundRequest r = send(endpoint("<http uri-template=\"http://backend/{region}/orders/{uri.var.id}"
                + "?q={query.param.q}\"/>"), ctx);
        assertEquals("http://backend/eu/orders/a%20b%2F%C3%BC?q=x%26y", r.uri().toString());
        assertEquals("GET", r.method(), "no method: the request's");
    }

    @Test
    void theWso2DocumentationExample() {
        MessageContext ctx = harness.request("application/json", "{}");
        ctx.setProperty("uri.var.servicepath", "PizzaShopServlet");
        ctx.setProperty("uri.var.servicename", "PizzaWS");
        ctx.setProperty("uri.var.category", "pizza");
        ctx.setProperty("uri.var.pizzaType", "pan");
        OutboundRequest r = send(endpoint("<http method=\"get\" uri-template=\"http://localhost:8080/"
                + "{uri.var.servicepath}/restapi/{uri.var.servicename}/menu?category={uri.var.category}"
                + "&amp;type={uri.var.pizzaType}\"/>"), ctx);
        assertEquals("http://localhost:8080/PizzaShopServlet/restapi/PizzaWS/menu?category=pizza&type=pan",
                r.uri().toString());
        assertEquals("GET", r.method());
        assertSame(OutboundBody.NONE, r.body(), "a GET carries no body");
    }

    @Test
    void theMethodOverridesTheRequestsMethod() {
        MessageContext ctx = harness.request("application/json", "{}");
        assertEquals("DELETE", send(endpoint("<http method=\"delete\" uri-template=\"http://backend/x\"/>"), ctx)
                .method());
        assertEquals("POST", ctx.getAxis2Property(StandardProperties.HTTP_METHOD), "the message is not changed");
        sender.sent.clear();
        assertEquals("POST", send(endpoint("<http method=\"leave-as-is\" uri-template=\"http://backend/x\"/>"), ctx)
                .method());
    }

    @Test
    void endpointPropertiesFillTheTemplate() {
        OutboundRequest r = send(endpoint("<http uri-template=\"http://backend/{uri.var.v}/items\"/>"
                + "<property name=\"uri.var.v\" value=\"v2\"/>"), harness.request());
        assertEquals("http://backend/v2/items", r.uri().toString());
    }

    @Test
    void aWholeUrlInAVariable() {
        MessageContext ctx = harness.request();
        ctx.setProperty("uri.var.ep", "https://api.example.com:8443/v1");
        OutboundRequest r = send(endpoint("<http uri-template=\"{uri.var.ep}/status\"/>"), ctx);
        assertEquals("https://api.example.com:8443/v1/status", r.uri().toString());
    }

    @Test
    void anExpansionThatIsNotAUrlFails() {
        Endpoint ep = endpoint("<http uri-template=\"{uri.var.ep}/status\"/>");
        MediationException e = assertThrows(MediationException.class, () -> ep.send(harness.request(), NO_CALLBACK));
        assertEquals("http endpoint (uri-template '{uri.var.ep}/status'): '/status' is not an absolute http or https"
                + " URL", e.getMessage());
    }
}
