package io.ganglion.engine.endpoint.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.Timeout;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.TimeoutAction;
import io.ganglion.engine.endpoint.definition.Format;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.testing.MediationHarness;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;

class OutboundRequestsTest {

    private static final URI TARGET = URI.create("http://backend:9000/svc");
    private final MediationHarness harness = new MediationHarness();

    private static EndpointDefinition format(Format f) {
        return new EndpointDefinition(f, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static OutboundRequest build(MessageContext ctx, EndpointDefinition def) {
        return OutboundRequests.build(ctx, TARGET, null, def);
    }

    private static String text(OutboundBody body) {
        return new String(assertInstanceOf(OutboundBody.Bytes.class, body).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void methodComesFromTheEndpointThenTheFormatThenTheMessage() {
        MessageContext ctx = harness.request("application/json", "{}");
        assertEquals("PUT", OutboundRequests.build(ctx, TARGET, "PUT", format(Format.GET)).method());
        assertEquals("GET", build(ctx, format(Format.GET)).method());
        assertEquals("POST", build(harness.request(), format(Format.SOAP11)).method());
        ctx.setAxis2Property(StandardProperties.HTTP_METHOD, "patch");
        assertEquals("PATCH", build(ctx, EndpointDefinition.EMPTY).method());
        ctx.setAxis2Property(StandardProperties.HTTP_METHOD, null);
        assertEquals("POST", build(ctx, EndpointDefinition.EMPTY).method());
    }

    @Test
    void hopByHopAndFramingHeadersAreStripped() {
        MessageContext ctx = harness.request("application/json", "{}");
        Headers h = ctx.headers();
        for (String n : new String[] {"Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
            "Proxy-Connection", "TE", "Trailer", "Upgrade", "Expect"}) {
            h.add(n, "x");
        }
        h.add("Authorization", "Bearer t").add("X-Custom", "1").add("X-Custom", "2");
        OutboundRequest r = build(ctx, EndpointDefinition.EMPTY);
        assertEquals(3, r.headers().size(), r.headers().toString());
        assertEquals("Bearer t", r.headers().get("authorization"));
        assertEquals(java.util.List.of("1", "2"), r.headers().getAll("X-Custom"));
        assertEquals("application/json", r.body().contentType());
    }

    @Test
    void anUnreadBodyIsRelayedWithoutACopy() {
        MessageContext ctx = harness.request("application/json", "{\"a\":1}");
        RawBody raw = ctx.payload().raw();
        OutboundRequest r = build(ctx, EndpointDefinition.EMPTY);
        assertSame(raw, assertInstanceOf(OutboundBody.Relay.class, r.body()).body());
        assertFalse(ctx.payload().isBuilt());
    }

    @Test
    void aBuiltBodyIsSerialized() {
        MessageContext ctx = harness.request("application/xml", "<order><id>1</id></order>");
        OMFactory f = OMAbstractFactory.getOMFactory();
        OMElement changed = f.createOMElement("order", null);
        f.createOMElement("id", null, changed).setText("2");
        ctx.payload().setFirstElement(changed);
        OutboundRequest r = build(ctx, EndpointDefinition.EMPTY);
        assertEquals("<order><id>2</id></order>", text(r.body()));
        assertEquals("application/xml; charset=UTF-8", r.body().contentType());
    }

    @Test
    void soap11FormatWrapsPoxInAnEnvelopeWithoutChangingTheMessage() {
        MessageContext ctx = harness.request("application/xml", "<getQuote xmlns=\"urn:q\"><s>IBM</s></getQuote>");
        ctx.setSoapAction("urn:getQuote");
        OutboundRequest r = build(ctx, format(Format.SOAP11));
        assertEquals("text/xml; charset=UTF-8", r.body().contentType());
        String expected = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body><getQuote xmlns=\"urn:q\"><s>IBM</s></getQuote></soapenv:Body></soapenv:Envelope>";
        var diff = DiffBuilder.compare(expected).withTest(text(r.body())).ignoreWhitespace().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), diff.toString());
        assertEquals("\"urn:getQuote\"", r.headers().get("SOAPAction"));
        assertEquals("POST", r.method());
        assertEquals("application/xml", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE),
                "the message keeps its own messageType");
    }

    @Test
    void soap11OutputWithoutActionGetsAnEmptySoapAction() {
        OutboundRequest r = build(harness.request("application/xml", "<a/>"), format(Format.SOAP11));
        assertEquals("\"\"", r.headers().get("SOAPAction"));
    }

    @Test
    void soap12OutputCarriesTheActionInTheContentType() {
        MessageContext ctx = harness.request("application/xml", "<a/>");
        ctx.setSoapAction("urn:act");
        ctx.headers().add("SOAPAction", "\"urn:act\"");
        OutboundRequest r = build(ctx, format(Format.SOAP12));
        assertEquals("application/soap+xml; charset=UTF-8; action=\"urn:act\"", r.body().contentType());
        assertNull(r.headers().get("SOAPAction"));
    }

    @Test
    void poxFormatSendsTheBodyElement() {
        MessageContext ctx = harness.request("text/xml",
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><a>1</a></s:Body></s:Envelope>");
        ctx.setSoapAction("urn:a");
        OutboundRequest r = build(ctx, format(Format.POX));
        assertEquals("<a>1</a>", text(r.body()));
        assertEquals("application/xml; charset=UTF-8", r.body().contentType());
    }

    @Test
    void noEntityBodyDropsAnUnbuiltBody() {
        MessageContext ctx = harness.request("application/json", "{}");
        ctx.setAxis2Property(StandardProperties.NO_ENTITY_BODY, true);
        assertSame(OutboundBody.NONE, build(ctx, EndpointDefinition.EMPTY).body());
    }

    @Test
    void getAndHeadNeverCarryABodyAndDeleteOnlyWithContent() {
        MessageContext get = harness.request();
        assertSame(OutboundBody.NONE, build(get, EndpointDefinition.EMPTY).body());
        MessageContext getWithBody = harness.request("application/json", "{}");
        getWithBody.setAxis2Property(StandardProperties.HTTP_METHOD, "HEAD");
        assertSame(OutboundBody.NONE, build(getWithBody, EndpointDefinition.EMPTY).body());
        MessageContext delete = harness.request("application/json", "{}");
        delete.setAxis2Property(StandardProperties.HTTP_METHOD, "DELETE");
        assertInstanceOf(OutboundBody.Relay.class, build(delete, EndpointDefinition.EMPTY).body());
        MessageContext emptyDelete = harness.request();
        emptyDelete.setAxis2Property(StandardProperties.HTTP_METHOD, "DELETE");
        emptyDelete.payload().envelope();
        assertSame(OutboundBody.NONE, build(emptyDelete, EndpointDefinition.EMPTY).body(), "built but empty");
        MessageContext post = harness.request("application/json", "{}");
        post.setPayload(io.ganglion.engine.message.Payload.of(RawBody.empty()));
        assertSame(OutboundBody.NONE, build(post, EndpointDefinition.EMPTY).body());
    }

    @Test
    void getFormatSendsNoBody() {
        MessageContext ctx = harness.request("application/xml", "<a/>");
        OutboundRequest r = build(ctx, format(Format.GET));
        assertSame(OutboundBody.NONE, r.body());
        assertEquals("GET", r.method());
    }

    @Test
    void restFormatKeepsTheBodyAsItIs() {
        MessageContext ctx = harness.request("application/json", "{}");
        assertInstanceOf(OutboundBody.Relay.class, build(ctx, format(Format.REST)).body());
        assertFalse(format(Format.REST).readsBody());
        assertTrue(format(Format.JSON).readsBody());
    }

    @Test
    void optionsComeFromTheTimeoutAndTransportProperties() {
        MessageContext ctx = harness.request("application/json", "{}");
        OutboundRequest r = build(ctx, EndpointDefinition.EMPTY);
        assertNull(r.options().responseTimeout());
        assertTrue(r.options().chunked());
        assertTrue(r.options().keepAlive());
        ctx.setAxis2Property(StandardProperties.DISABLE_CHUNKING, "true");
        ctx.setAxis2Property(StandardProperties.NO_KEEPALIVE, Boolean.TRUE);
        EndpointDefinition timed = new EndpointDefinition(null, null, null, null, null, null, null,
                new Timeout(2500L, null), null, null, null, null);
        r = build(ctx, timed);
        assertEquals(Duration.ofMillis(2500), r.options().responseTimeout());
        assertFalse(r.options().chunked());
        assertFalse(r.options().keepAlive());
        EndpointDefinition actionOnly = new EndpointDefinition(null, null, null, null, null, null, null,
                new Timeout(null, TimeoutAction.FAULT), null, null, null, null);
        assertEquals(Duration.ofSeconds(30), actionOnly.responseTimeout());
    }

    @Test
    void theTargetIsUsedAsGiven() {
        OutboundRequest r = build(harness.request(), EndpointDefinition.EMPTY);
        assertEquals(TARGET, r.uri());
    }
}
