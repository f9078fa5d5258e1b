package io.ganglion.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.proxy.ProxyService;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.testing.FakeExchange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's flows, faults and continuations, with mediators and endpoints written as lambdas. */
class EngineTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private Engine engine(Configuration cfg) {
        return new Engine(() -> cfg, (req, cb) -> {
            throw new AssertionError("no sender in these tests");
        }, workers, Clock.systemUTC(), 1024 * 1024);
    }

    private static Sequence seq(String name, Mediator... ms) {
        return new Sequence(name, null, List.of(ms), null);
    }

    /** An endpoint that answers at once with a fixed body, or fails with a code. */
    private static Endpoint endpoint(int failCode, String answer, List<String> seen) {
        return new Endpoint() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public void send(MessageContext ctx, SendCallback callback) {
                seen.add(String.valueOf(ctx.getAxis2Property(StandardProperties.HTTP_METHOD)));
                if (failCode != 0) {
                    callback.onFailure(new SendFailure(failCode, "refused by test", null));
                } else {
                    callback.onResponse(new InboundResponse(200, "OK", new Headers(),
                            RawBody.of(answer.getBytes(StandardCharsets.UTF_8), "text/plain")));
                }
            }
        };
    }

    private static Mediator respond() {
        return ctx -> {
            ctx.runtime().respond(ctx);
            return false;
        };
    }

    private static Mediator set(String name, String value) {
        return ctx -> {
            ctx.setProperty(name, value);
            return true;
        };
    }

    @Test
    void noMainSequenceGives404() {
        FakeExchange ex = FakeExchange.get("/nothing/here");
        engine(Configuration.builder().build()).accept(ex);
        OutboundResponse r = ex.await();
        assertEquals(404, r.status());
        assertTrue(FakeExchange.bodyText(r).contains("/nothing/here"));
    }

    @Test
    void jsonErrorWhenClientAcceptsJson() {
        FakeExchange ex = new FakeExchange("GET", "/x", new Headers().set("Accept", "application/json"), RawBody.empty());
        engine(Configuration.builder().build()).accept(ex);
        OutboundResponse r = ex.await();
        assertEquals("application/json", r.body().contentType());
        assertTrue(FakeExchange.bodyText(r).startsWith("{\"error\""));
    }

    @Test
    void mainSequenceRespondsWithTheRequestBodyUntouched() {
        Configuration cfg = Configuration.builder().sequence(seq("main", respond())).build();
        FakeExchange ex = FakeExchange.post("/any", "application/xml", "<a>1</a>");
        engine(cfg).accept(ex);
        OutboundResponse r = ex.await();
        assertEquals(200, r.status());
        assertEquals("<a>1</a>", FakeExchange.bodyText(r));
    }

    @Test
    void droppedRequestGets202NotAHang() {
        Configuration cfg = Configuration.builder().sequence(seq("main", ctx -> false)).build();
        FakeExchange ex = FakeExchange.get("/drop");
        engine(cfg).accept(ex);
        assertEquals(202, ex.await().status());
    }

    @Test
    void mediatorErrorRunsFaultSequenceWithErrorProperties() {
        List<Object> codes = new ArrayList<>();
        Mediator boom = ctx -> {
            throw new MediationException(ErrorCode.CONNECTION_FAILED.code(), "boom", null);
        };
        Mediator record = ctx -> {
            codes.add(ctx.getProperty(StandardProperties.ERROR_CODE));
            codes.add(ctx.getProperty(StandardProperties.ERROR_MESSAGE));
            return true;
        };
        Configuration cfg = Configuration.builder().sequence(seq("main", boom)).sequence(seq("fault", record)).build();
        FakeExchange ex = FakeExchange.get("/x");
        engine(cfg).accept(ex);
        // The fault sequence did not answer: the client gets the status for the error code.
        assertEquals(502, ex.await().status());
        assertEquals(List.of(101503, "boom"), codes);
    }

    @Test
    void sendFailureReachesFaultSequenceWhichMayAnswer() {
        List<String> seen = new ArrayList<>();
        Endpoint down = endpoint(101504, null, seen);
        Mediator send = ctx -> {
            ctx.runtime().send(ctx, down, null);
            return true;
        };
        Mediator custom = ctx -> {
            ctx.setAxis2Property(StandardProperties.HTTP_SC, 599);
            ctx.runtime().respond(ctx);
            return false;
        };
        Configuration cfg = Configuration.builder().sequence(seq("main", send)).sequence(seq("fault", custom)).build();
        FakeExchange ex = FakeExchange.get("/x");
        engine(cfg).accept(ex);
        assertEquals(599, ex.await().status());
    }

    @Test
    void unhandledTimeoutGives504() {
        Endpoint down = endpoint(101504, null, new ArrayList<>());
        Mediator send = ctx -> {
            ctx.runtime().send(ctx, down, null);
            return true;
        };
        FakeExchange ex = FakeExchange.get("/x");
        engine(Configuration.builder().sequence(seq("main", send)).build()).accept(ex);
        assertEquals(504, ex.await().status());
    }

    @Test
    void proxyResponseGoesThroughOutSequence() {
        List<String> seen = new ArrayList<>();
        Endpoint backend = endpoint(0, "from-backend", seen);
        Mediator out = seq(null, ctx -> {
            ctx.headers().set("X-Out", "yes");
            return true;
        }, ctx -> {
            ctx.runtime().send(ctx, null, null);
            return true;
        });
        ProxyService proxy = new ProxyService("P", Set.of("http"), null, out, null, backend, null, null);
        FakeExchange ex = FakeExchange.post("/services/P", "text/plain", "hi");
        engine(Configuration.builder().proxy(proxy).build()).accept(ex);
        OutboundResponse r = ex.await();
        assertEquals(200, r.status());
        assertEquals("yes", r.headers().get("X-Out"));
        assertEquals("from-backend", FakeExchange.bodyText(r));
        assertEquals(List.of("POST"), seen);
    }

    @Test
    void unknownProxyGives404() {
        FakeExchange ex = FakeExchange.get("/services/Missing");
        engine(Configuration.builder().build()).accept(ex);
        assertEquals(404, ex.await().status());
    }

    @Test
    void callResumesTheSameSequenceWithTheResponse() {
        Endpoint backend = endpoint(0, "answer", new ArrayList<>());
        Mediator call = ctx -> {
            ctx.runtime().call(ctx, backend);
            ctx.suspend();
            return false;
        };
        Sequence inner = seq(null, set("before", "1"), call, set("after", "2"));
        Mediator check = ctx -> {
            ctx.headers().set("X-Seen", ctx.getProperty("before") + "," + ctx.getProperty("after"));
            return true;
        };
        Configuration cfg = Configuration.builder().sequence(seq("main", inner, check, respond())).build();
        FakeExchange ex = FakeExchange.get("/x");
        engine(cfg).accept(ex);
        OutboundResponse r = ex.await();
        assertEquals("1,2", r.headers().get("X-Seen"));
        assertEquals("answer", FakeExchange.bodyText(r));
    }

    @Test
    void sendsStartWhenTheSequenceHasFinishedSoCallbacksNeverRaceIt() throws InterruptedException {
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch bothSent = new java.util.concurrent.CountDownLatch(2);
        Endpoint backend = new Endpoint() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void send(MessageContext ctx, SendCallback callback) {
                order.add("send saw after=" + ctx.getProperty("after"));
                bothSent.countDown();
                callback.onResponse(new InboundResponse(200, "OK", new Headers(), RawBody.empty()));
            }
        };
        Mediator send = ctx -> {
            ctx.runtime().send(ctx, backend, null);
            return true;
        };
        Mediator copySend = ctx -> {
            // Like a sequential clone target: a copy sends within the same worker task.
            MessageContext copy = ctx.copy();
            copy.runtime().send(copy, backend, null);
            return true;
        };
        Mediator after = ctx -> {
            order.add("mediator after send");
            ctx.setProperty("after", "yes");
            return true;
        };
        ProxyService proxy = new ProxyService("P", Set.of("http"), seq(null, send, copySend, after),
                seq(null, respond()), null, null, null, null);
        FakeExchange ex = FakeExchange.get("/services/P");
        engine(Configuration.builder().proxy(proxy).build()).accept(ex);
        assertEquals(200, ex.await().status());
        // The client is answered by the first response; the copy's send may still be on its way.
        assertTrue(bothSent.await(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(List.of("mediator after send", "send saw after=yes", "send saw after=null"), List.copyOf(order),
                "both sends start after the sequence; the copy was taken before the property was set");
    }

    @Test
    void aSendThatCannotStartFaultsTheMessageAndTheClientIsAnswered() {
        Endpoint broken = new Endpoint() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void send(MessageContext ctx, SendCallback callback) {
                throw new MediationException("no To address to send to");
            }
        };
        Mediator send = ctx -> {
            ctx.runtime().send(ctx, broken, null);
            return true;
        };
        Mediator logOnly = ctx -> true;
        Configuration cfg = Configuration.builder().sequence(seq("main", send)).sequence(seq("fault", logOnly)).build();
        FakeExchange ex = FakeExchange.get("/x");
        engine(cfg).accept(ex);
        OutboundResponse r = ex.await();
        assertEquals(500, r.status());
        assertTrue(FakeExchange.bodyText(r).contains("no To address"), FakeExchange.bodyText(r));
    }

    @Test
    void onErrorSequenceHandlesFaultsInsideItsSequence() {
        Mediator boom = ctx -> {
            throw new IllegalStateException("bad");
        };
        Sequence guarded = new Sequence("guarded", "handler", List.of(boom), null);
        Mediator handle = ctx -> {
            ctx.setAxis2Property(StandardProperties.HTTP_SC, 418);
            ctx.runtime().respond(ctx);
            return false;
        };
        Configuration cfg = Configuration.builder().sequence(seq("main", guarded)).sequence(seq("handler", handle)).build();
        FakeExchange ex = FakeExchange.get("/x");
        engine(cfg).accept(ex);
        assertEquals(418, ex.await().status());
        assertEquals(1, ex.responseCount());
    }

    @Test
    void requestOnlyHeadersAreNotEchoedOnResponses() {
        Configuration cfg = Configuration.builder().sequence(seq("main", set("k", "v"), respond())).build();
        Headers h = new Headers().set("Host", "example").set("Authorization", "secret").set("X-Keep", "1");
        FakeExchange ex = new FakeExchange("GET", "/x", h, RawBody.empty());
        engine(cfg).accept(ex);
        OutboundResponse r = ex.await();
        assertEquals(null, r.headers().get("Authorization"));
        assertEquals("1", r.headers().get("X-Keep"));
    }

    /** A response body that records whether it was discarded, and fails readAll with {@code failure} when given. */
    private static final class TrackedBody implements RawBody {
        final java.util.concurrent.atomic.AtomicInteger discarded = new java.util.concurrent.atomic.AtomicInteger();
        private final Exception failure;

        TrackedBody(Exception failure) {
            this.failure = failure;
        }

        @Override
        public long length() {
            return -1;
        }

        @Override
        public String contentType() {
            return "text/plain";
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> readAll(long limit) {
            return failure == null ? java.util.concurrent.CompletableFuture.completedFuture("body".getBytes())
                    : java.util.concurrent.CompletableFuture.failedFuture(failure);
        }

        @Override
        public void discard() {
            discarded.incrementAndGet();
        }
    }

    private static Endpoint answering(RawBody body) {
        return new Endpoint() {
            @Override
            public String name() {
                return "tracked";
            }

            @Override
            public void send(MessageContext ctx, SendCallback callback) {
                callback.onResponse(new InboundResponse(200, "OK", new Headers(), body));
            }
        };
    }

    @Test
    void aResponseBodyThatBreaksWhenReadIsHandledAsAFailedSend() {
        TrackedBody broken = new TrackedBody(new io.ganglion.engine.spi.SendFailureException(
                new SendFailure(ErrorCode.CONNECTION_CLOSED.code(), "closed mid-body", null)));
        Mediator call = ctx -> {
            ctx.runtime().call(ctx, answering(broken));
            ctx.suspend();
            return false;
        };
        Mediator fault = ctx -> {
            ctx.setAxis2Property(StandardProperties.HTTP_SC, 599);
            ctx.headers().set("X-Code", String.valueOf(ctx.getProperty(StandardProperties.ERROR_CODE)));
            ctx.runtime().respond(ctx);
            return false;
        };
        Configuration cfg = Configuration.builder().sequence(seq("main", seq(null, call, respond())))
                .sequence(seq("fault", fault)).build();
        FakeExchange ex = FakeExchange.get("/x");
        engine(cfg).accept(ex);
        OutboundResponse r = ex.await();
        assertEquals(599, r.status());
        assertEquals("101505", r.headers().get("X-Code"));
    }

    @Test
    void responseBodiesTheFlowDroppedAreDiscardedWhenTheExchangeEnds() throws Exception {
        TrackedBody unread = new TrackedBody(null);
        Mediator sendToDrops = ctx -> {
            ctx.runtime().send(ctx, answering(unread), "drops");
            return true;
        };
        Mediator dropOnResponse = ctx -> false;
        FakeExchange ex = FakeExchange.get("/x");
        engine(Configuration.builder().sequence(seq("main", sendToDrops)).sequence(seq("drops", dropOnResponse))
                .build()).accept(ex);
        assertEquals(202, ex.await().status());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (unread.discarded.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, unread.discarded.get(), "a streamed body would otherwise hold its backend connection");
    }

    @Test
    void anOutOnlySendDiscardsTheResponseAtOnce() throws Exception {
        TrackedBody ignored = new TrackedBody(null);
        Mediator outOnly = ctx -> {
            ctx.setProperty(StandardProperties.OUT_ONLY, "true");
            ctx.runtime().send(ctx, answering(ignored), null);
            return true;
        };
        FakeExchange ex = FakeExchange.get("/x");
        engine(Configuration.builder().sequence(seq("main", outOnly)).build()).accept(ex);
        ex.await();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ignored.discarded.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(ignored.discarded.get() >= 1);
    }
}
