package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertErrorAtLine;
import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;
import org.junit.jupiter.api.Test;

class HeaderMediatorTest {

    private static final String SOAP = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<s:Header><a:Auth xmlns:a=\"urn:a\">old</a:Auth><a:Keep xmlns:a=\"urn:a\">k</a:Keep></s:Header>"
            + "<s:Body><order><id>42</id></order></s:Body></s:Envelope>";

    private final MediationHarness harness = new MediationHarness();

    private MessageContext soap() {
        return harness.request("text/xml", SOAP);
    }

    private static List<OMElement> headerBlocks(MessageContext ctx, QName name) {
        List<OMElement> list = new ArrayList<>();
        var header = ctx.payload().envelope().getHeader();
        for (Iterator<OMElement> it = header.getChildElements(); it.hasNext();) {
            OMElement e = it.next();
            if (e.getQName().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    @Test
    void toSetsAndClearsTheAddressWithoutTouchingTheBody() {
        MessageContext ctx = harness.request("application/xml", "<order/>");
        var set = read("<header name=\"To\" value=\"http://backend:9000/svc\"/>");
        assertFalse(set.readsBody());
        assertTrue(set.mediate(ctx));
        assertEquals("http://backend:9000/svc", ctx.getTo());
        assertFalse(ctx.payload().isBuilt());
        read("<header name=\"To\" action=\"remove\"/>").mediate(ctx);
        assertNull(ctx.getTo());
    }

    @Test
    void otherAddressingFields() {
        MessageContext ctx = soap();
        read("<header name=\"Action\" value=\"urn:buy\"/>").mediate(ctx);
        read("<header name=\"ReplyTo\" value=\"http://client/\"/>").mediate(ctx);
        read("<header name=\"FaultTo\" value=\"http://faults/\"/>").mediate(ctx);
        read("<header name=\"From\" value=\"http://me/\"/>").mediate(ctx);
        read("<header name=\"RelatesTo\" value=\"urn:uuid:1\"/>").mediate(ctx);
        read("<header name=\"MessageID\" expression=\"concat('urn:order:', //order/id)\"/>").mediate(ctx);
        assertEquals("urn:buy", ctx.getSoapAction());
        assertEquals("http://client/", ctx.getReplyTo());
        assertEquals("http://faults/", ctx.getFaultTo());
        assertEquals("http://me/", ctx.getFrom());
        assertEquals("urn:uuid:1", ctx.getRelatesTo());
        assertEquals("urn:order:42", ctx.getMessageId());
    }

    @Test
    void transportScopeSetsAndRemovesHttpHeaders() {
        MessageContext ctx = harness.request("application/xml", "<order/>");
        var set = read("<header name=\"X-Api-Key\" scope=\"transport\" value=\"k1\"/>");
        assertFalse(set.readsBody());
        set.mediate(ctx);
        assertEquals("k1", ctx.headers().get("x-api-key"));
        read("<header name=\"X-Api-Key\" scope=\"transport\" action=\"remove\"/>").mediate(ctx);
        assertFalse(ctx.headers().contains("X-Api-Key"));
        assertFalse(ctx.payload().isBuilt());
    }

    @Test
    void soapHeaderIsSetReplacingBlocksOfTheSameName() {
        MessageContext ctx = soap();
        var m = read("<header xmlns:a=\"urn:a\" name=\"a:Auth\" expression=\"//order/id\"/>");
        assertTrue(m.readsBody());
        m.mediate(ctx);
        List<OMElement> auth = headerBlocks(ctx, new QName("urn:a", "Auth"));
        assertEquals(1, auth.size());
        assertEquals("42", auth.get(0).getText());
        assertEquals(1, headerBlocks(ctx, new QName("urn:a", "Keep")).size());
    }

    @Test
    void soapHeaderIsAddedToAnEnvelopeWithoutHeader() {
        MessageContext ctx = harness.request("application/xml", "<order/>");
        read("<header xmlns:t=\"urn:t\" name=\"t:Trace\" value=\"abc\"/>").mediate(ctx);
        assertEquals("abc", headerBlocks(ctx, new QName("urn:t", "Trace")).get(0).getText());
    }

    @Test
    void soapHeaderIsRemoved() {
        MessageContext ctx = soap();
        read("<header xmlns:x=\"urn:a\" name=\"x:Auth\" action=\"remove\"/>").mediate(ctx);
        assertTrue(headerBlocks(ctx, new QName("urn:a", "Auth")).isEmpty());
        assertEquals(1, headerBlocks(ctx, new QName("urn:a", "Keep")).size());
    }

    @Test
    void inlineXmlBecomesAHeaderBlock() {
        MessageContext ctx = soap();
        read("<header><a:Auth xmlns:a=\"urn:a\" mode=\"basic\"><a:user>u</a:user></a:Auth></header>").mediate(ctx);
        List<OMElement> auth = headerBlocks(ctx, new QName("urn:a", "Auth"));
        assertEquals(1, auth.size());
        assertEquals("basic", auth.get(0).getAttributeValue(new QName("mode")));
        assertEquals("u", auth.get(0).getFirstElement().getText());
        assertTrue(ctx.payload().envelope().toString().contains("<a:user>u</a:user>"));
    }

    @Test
    void inlineBlockInADefaultNamespace() {
        MessageContext ctx = soap();
        read("<header><Trace xmlns=\"urn:t\">t1</Trace></header>").mediate(ctx);
        assertEquals("t1", headerBlocks(ctx, new QName("urn:t", "Trace")).get(0).getText());
    }

    @Test
    void roundTrips() {
        assertRoundTrip("<header name=\"To\" value=\"http://h/\"/>");
        assertRoundTrip("<header name=\"To\" action=\"remove\"/>");
        assertRoundTrip("<header name=\"MessageID\" expression=\"//order/id\"/>");
        assertRoundTrip("<header name=\"X-A\" scope=\"transport\" value=\"1\"/>");
        assertRoundTrip("<header name=\"X-A\" scope=\"transport\" action=\"remove\"/>");
        assertRoundTrip("<header xmlns:a=\"urn:a\" name=\"a:Auth\" value=\"t\"/>");
        assertRoundTrip("<header xmlns:a=\"urn:a\" name=\"a:Auth\" action=\"remove\"/>");
        assertRoundTrip("<header><a:Auth xmlns:a=\"urn:a\"><a:user>u</a:user></a:Auth></header>");
        assertRoundTrip("<header><Trace xmlns=\"urn:t\" id=\"1\">t1</Trace></header>");
    }

    @Test
    void badInputIsLocated() {
        assertErrorAtLine("<header name=\"Auth\" value=\"v\"/>", 1);
        assertErrorAtLine("<header name=\"q:Auth\" value=\"v\"/>", 1);
        assertErrorAtLine("<header name=\"To\"/>", 1);
        assertErrorAtLine("<header value=\"v\"/>", 1);
        assertErrorAtLine("<header name=\"To\" value=\"v\" scope=\"axis2\"/>", 1);
        assertErrorAtLine("<header name=\"To\" value=\"v\" action=\"append\"/>", 1);
        assertErrorAtLine("<header name=\"To\" value=\"v\" expression=\"//a\"/>", 1);
        assertErrorAtLine("<header name=\"To\"\n expression=\"//a[\"/>", 1);
        assertErrorAtLine("<header>\n  <Auth xmlns=\"\"/>\n</header>", 2);
    }
}
