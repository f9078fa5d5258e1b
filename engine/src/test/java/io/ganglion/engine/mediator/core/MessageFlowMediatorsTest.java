package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertErrorAtLine;
import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static io.ganglion.engine.mediator.core.CoreTesting.readContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.Test;

/** send, call, respond, drop and loopback: what they ask of the runtime and what they return. */
class MessageFlowMediatorsTest {

    /** An endpoint built in code; sending is the harness's job, so it is never called. */
    record FakeEndpoint(String name, boolean readsBody) implements Endpoint {
        @Override
        public void send(MessageContext ctx, SendCallback callback) {
            throw new AssertionError("the harness records sends");
        }
    }

    private final MediationHarness harness = new MediationHarness();

    @Test
    void sendWithoutEndpointGoesToTheToAddressAndContinues() {
        MessageContext ctx = harness.request();
        var send = read("<send/>");
        assertFalse(send.readsBody());
        assertTrue(send.mediate(ctx));
        assertEquals(1, harness.sent.size());
        assertSame(ctx, harness.sent.get(0).ctx());
        assertNull(harness.sent.get(0).endpoint());
        assertNull(harness.sent.get(0).receiveSequence());
    }

    @Test
    void sendWithReceiveSequenceRecordsTheReference() {
        assertTrue(read("<send receive=\"onQuote\" buildmessage=\"true\"/>").mediate(harness.request()));
        assertEquals("onQuote", harness.sent.get(0).receiveSequence());
        ReadContext rc = readContext("<send receive=\"onQuote\"/>");
        assertEquals(ReadContext.ReferenceKind.SEQUENCE, rc.references().get(0).kind());
        assertEquals("onQuote", rc.references().get(0).key());
    }

    @Test
    void sendToAnEndpoint() {
        Endpoint ep = new FakeEndpoint("QuoteEP", true);
        SendMediator send = new SendMediator(ep, "r", null);
        assertTrue(send.readsBody());
        assertTrue(send.mediate(harness.request()));
        assertSame(ep, harness.sent.get(0).endpoint());
        assertFalse(new SendMediator(new FakeEndpoint("x", false), null, null).readsBody());
    }

    @Test
    void callAsksTheRuntimeAndSuspends() {
        MessageContext ctx = harness.request();
        assertFalse(read("<call blocking=\"true\"/>").mediate(ctx));
        assertTrue(ctx.isSuspended());
        assertEquals(1, harness.called.size());
        assertNull(harness.called.get(0).endpoint());
        Endpoint ep = new FakeEndpoint("ep", false);
        MessageContext other = harness.request();
        assertFalse(new CallMediator(ep, null).mediate(other));
        assertSame(ep, harness.called.get(1).endpoint());
    }

    @Test
    void respondDropAndLoopbackStopTheFlow() {
        MessageContext ctx = harness.request();
        assertFalse(read("<respond/>").mediate(ctx));
        assertSame(ctx, harness.responded.get(0));
        assertFalse(read("<drop/>").mediate(ctx));
        assertFalse(read("<loopback/>").mediate(ctx));
        assertSame(ctx, harness.loopedBack.get(0));
        assertTrue(harness.sent.isEmpty());
        assertFalse(ctx.isSuspended());
    }

    @Test
    void roundTrips() {
        assertRoundTrip("<send/>");
        assertRoundTrip("<send receive=\"onQuote\"/>");
        assertRoundTrip("<send buildmessage=\"true\"/>");
        assertRoundTrip("<call/>");
        assertRoundTrip("<call blocking=\"false\"/>");
        assertRoundTrip("<respond/>");
        assertRoundTrip("<drop/>");
        assertRoundTrip("<loopback/>");
    }

    @Test
    void badInputIsLocated() {
        ConfigException e = assertErrorAtLine("<call>\n  <source type=\"body\"/>\n  <target type=\"body\"/>\n</call>", 2);
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
        assertErrorAtLine("<call blocking=\"maybe\"/>", 1);
        assertErrorAtLine("<send>\n  <log/>\n</send>", 2);
        assertErrorAtLine("<send receive=\" \"/>", 1);
        assertErrorAtLine("<send buildmessage=\"yes\"/>", 1);
        assertErrorAtLine("<drop>\n  <log/>\n</drop>", 2);
        assertErrorAtLine("<respond>\n  <log/>\n</respond>", 2);
    }
}
