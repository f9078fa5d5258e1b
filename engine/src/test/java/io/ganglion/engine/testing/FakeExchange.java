package io.ganglion.engine.testing;

import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An {@link InboundExchange} without a socket: the test gives the request and awaits the response. */
public final class FakeExchange implements InboundExchange {

    private final String method;
    private final String uri;
    private final Headers headers;
    private final RawBody body;
    private final CompletableFuture<OutboundResponse> response = new CompletableFuture<>();
    private int responses;

    public FakeExchange(String method, String uri, Headers headers, RawBody body) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body;
    }

    public static FakeExchange get(String uri) {
        return new FakeExchange("GET", uri, new Headers(), RawBody.empty());
    }

    public static FakeExchange post(String uri, String contentType, String body) {
        return new FakeExchange("POST", uri, new Headers().set("Content-Type", contentType),
                RawBody.of(body.getBytes(StandardCharsets.UTF_8), contentType));
    }

    /** Waits up to 5 s for the response. */
    public OutboundResponse await() {
        try {
            return response.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no response within 5 s", e);
        }
    }

    /** The response body as text (bytes or relayed raw body). */
    public static String bodyText(OutboundResponse r) {
        if (r.body() instanceof OutboundBody.Bytes b) {
            return new String(b.bytes(), StandardCharsets.UTF_8);
        }
        if (r.body() instanceof OutboundBody.Relay relay) {
            return new String(relay.body().readAll(Long.MAX_VALUE).toCompletableFuture().join(), StandardCharsets.UTF_8);
        }
        return "";
    }

    public synchronized int responseCount() {
        return responses;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public String protocol() {
        return "HTTP/1.1";
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public RawBody body() {
        return body;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 50000);
    }

    @Override
    public int localPort() {
        return 8280;
    }

    @Override
    public synchronized void respond(OutboundResponse r) {
        responses++;
        response.complete(r);
    }
}
