package io.ganglion.engine.endpoint;

import io.ganglion.engine.endpoint.health.EndpointStatus;
import io.ganglion.engine.endpoint.health.Monitored;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.spi.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Helpers for endpoint tests: a clock the test moves, a sender that answers by host, a recording callback. */
public final class EndpointTesting {

    private EndpointTesting() {}

    /** Reads an {@code <endpoint>} from text (the Synapse namespace is added). */
    public static Endpoint endpoint(String xml) {
        String withNs = xml.replaceFirst("<endpoint", "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\"");
        ReadContext ctx = ReadContext.forText("ep.xml", withNs);
        return ctx.endpoint(ctx.root());
    }

    /** The status of a monitored leaf. */
    public static EndpointStatus status(Endpoint e) {
        return ((Monitored) e).statuses("x").get(0);
    }

    /** A clock the test sets. */
    public static final class MutableClock extends Clock {
        private volatile long millis = 1_700_000_000_000L;

        public void advance(long ms) {
            millis += ms;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** What a scripted backend does with one request. */
    public interface Behaviour extends Function<OutboundRequest, Object> {}

    /** An answer: a response with this status (and body). */
    public static InboundResponse response(int status, String body, String... headers) {
        Headers h = new Headers();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        return new InboundResponse(status, "", h, RawBody.of(body.getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    /** An answer: a transport failure with this code. */
    public static SendFailure failure(int code) {
        return new SendFailure(code, "failed with " + code, null);
    }

    /**
     * A sender that answers synchronously by {@code host:port}: each behaviour returns an
     * {@link InboundResponse}, a {@link SendFailure} or null (never answer). Unknown hosts refuse
     * the connection (101503). Records every request. Not thread-safe.
     */
    public static final class ScriptedSender implements Sender {
        public final List<OutboundRequest> requests = new ArrayList<>();
        public final List<SendCallback> pending = new ArrayList<>();
        private final Map<String, Behaviour> hosts = new HashMap<>();

        public ScriptedSender on(String hostPort, Behaviour b) {
            hosts.put(hostPort, b);
            return this;
        }

        public ScriptedSender ok(String hostPort) {
            return on(hostPort, r -> response(200, hostPort));
        }

        public ScriptedSender down(String hostPort) {
            return on(hostPort, r -> failure(101503));
        }

        @Override
        public void send(OutboundRequest request, SendCallback callback) {
            requests.add(request);
            String key = request.uri().getHost() + ":" + request.uri().getPort();
            Behaviour b = hosts.getOrDefault(key, r -> failure(101503));
            Object outcome = b.apply(request);
            if (outcome instanceof InboundResponse r) {
                callback.onResponse(r);
            } else if (outcome instanceof SendFailure f) {
                callback.onFailure(f);
            } else {
                pending.add(callback);
            }
        }

        /** The hosts requests went to, in order. */
        public List<String> hosts() {
            List<String> list = new ArrayList<>();
            requests.forEach(r -> list.add(r.uri().getHost() + ":" + r.uri().getPort()));
            return list;
        }

        /** The body of request {@code i} as text. */
        public String body(int i) {
            OutboundBody b = requests.get(i).body();
            if (b instanceof OutboundBody.Bytes bytes) {
                return new String(bytes.bytes(), StandardCharsets.UTF_8);
            }
            if (b instanceof OutboundBody.Relay relay) {
                return new String(relay.body().readAll(Long.MAX_VALUE).toCompletableFuture().join(),
                        StandardCharsets.UTF_8);
            }
            return "";
        }
    }

    /** Records the outcome of one send. */
    public static final class Outcome implements SendCallback {
        public final CompletableFuture<Object> result = new CompletableFuture<>();
        public int calls;

        @Override
        public void onResponse(InboundResponse response) {
            calls++;
            result.complete(response);
        }

        @Override
        public void onFailure(SendFailure failure) {
            calls++;
            result.complete(failure);
        }

        public InboundResponse response() {
            Object o = result.getNow(null);
            if (!(o instanceof InboundResponse r)) {
                throw new AssertionError("expected a response, got " + o);
            }
            return r;
        }

        public SendFailure failure() {
            Object o = result.getNow(null);
            if (!(o instanceof SendFailure f)) {
                throw new AssertionError("expected a failure, got " + o);
            }
            return f;
        }

        public String body() {
            return new String(response().body().readAll(Long.MAX_VALUE).toCompletableFuture().join(),
                    StandardCharsets.UTF_8);
        }
    }
}
