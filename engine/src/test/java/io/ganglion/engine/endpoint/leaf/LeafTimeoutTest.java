package io.ganglion.engine.endpoint.leaf;

import static io.ganglion.engine.endpoint.EndpointTesting.endpoint;
import static io.ganglion.engine.endpoint.EndpointTesting.failure;
import static io.ganglion.engine.endpoint.EndpointTesting.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.endpoint.AttemptCallback;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.endpoint.health.EndpointState;
import io.ganglion.engine.endpoint.EndpointTesting;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.runtime.Exchange;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.testing.FakeExchange;
import io.ganglion.engine.testing.MediationHarness;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeafTimeoutTest {

    private final ScriptedSender sender = new ScriptedSender().on("slow:1", r -> null);
    private final MediationHarness harness = new MediationHarness().withSender(sender);

    private static Endpoint slow(String action) {
        return endpoint("<endpoint name=\"Slow\"><address uri=\"http://slow:1/\"><timeout><duration>50</duration>"
                + "<responseAction>" + action + "</responseAction></timeout>"
                + "<suspendOnFailure><initialDuration>0</initialDuration></suspendOnFailure></address></endpoint>");
    }

    @Test
    void faultActionFailsWith101504AtTheDeadline() throws Exception {
        Endpoint ep = slow("fault");
        Outcome o = new Outcome();
        ep.send(harness.request(), o);
        Object result = o.result.get(5, TimeUnit.SECONDS);
        SendFailure f = (SendFailure) result;
        assertEquals(101504, f.errorCode());
        assertTrue(f.message().contains("within its timeout of 50 ms"), f.message());
        assertEquals(Duration.ofMillis(50), sender.requests.get(0).options().responseTimeout(),
                "the transport closes the connection at the same time");
        sender.pending.get(0).onResponse(response(200, "late"));
        assertEquals(1, o.calls, "a late response is ignored");
        assertEquals(1, EndpointTesting.status(ep).failures());
    }

    @Test
    void discardActionEndsTheExchangeWithoutAFault() throws Exception {
        Endpoint ep = slow("discard");
        FakeExchange client = FakeExchange.get("/x");
        MessageContext ctx = new MessageContext(Configuration.builder().build(), harness, new Exchange(client));
        ctx.setTo("/x");
        Outcome o = new Outcome();
        ep.send(ctx, o);
        assertEquals(504, client.await().status(), "the engine's send never completes; the client is told");
        assertEquals(0, o.calls, "no response and no fault");
        assertEquals(EndpointState.ACTIVE, EndpointTesting.status(ep).state(), "discarded timeouts do not count");
    }

    @Test
    void aGroupHearsOfTheDiscard() throws Exception {
        CompletableFuture<String> heard = new CompletableFuture<>();
        slow("discard").send(harness.request(), new AttemptCallback() {
            @Override
            public void onFailure(SendFailure failure, boolean retryable) {
                heard.complete("failure");
            }

            @Override
            public void onDiscarded() {
                heard.complete("discarded");
            }

            @Override
            public void onResponse(InboundResponse response) {
                heard.complete("response");
            }
        });
        assertEquals("discarded", heard.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aTransportTimeoutIsDiscardedToo() {
        sender.on("slow:1", r -> failure(101504));
        CompletableFuture<String> heard = new CompletableFuture<>();
        slow("discard").send(harness.request(), new AttemptCallback() {
            @Override
            public void onFailure(SendFailure failure, boolean retryable) {
                heard.complete("failure " + failure.errorCode());
            }

            @Override
            public void onDiscarded() {
                heard.complete("discarded");
            }

            @Override
            public void onResponse(InboundResponse response) {
                heard.complete("response");
            }
        });
        assertEquals("discarded", heard.getNow("nothing"));
    }
}
