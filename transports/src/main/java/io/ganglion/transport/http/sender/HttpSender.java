package io.ganglion.transport.http.sender;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.Sender;
import io.ganglion.transport.http.Entity;
import io.ganglion.transport.http.SenderConfig;
import io.ganglion.transport.http.WireHeaders;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.nio.AsyncClientEndpoint;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP/1.1 sender on HttpCore 5: a pooled {@link HttpAsyncRequester} that delivers the engine's
 * requests to backends (HTTPS with the JDK's default trust store) and reports each outcome once.
 * Thread-safe: {@link #send} may be called from any thread and returns at once.
 */
public final class HttpSender implements Sender, AutoCloseable {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final SenderConfig config;
    private final HttpAsyncRequester requester;

    public HttpSender(SenderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.requester = AsyncRequesterBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setSoTimeout(Timeout.of(config.socketTimeout()))
                        .setTcpNoDelay(true)
                        .build())
                // No RequestExpectContinue: waiting for 100 Continue costs a round trip per request.
                .setHttpProcessor(HttpProcessorBuilder.create()
                        .addAll(new RequestContent(), new RequestTargetHost(), new RequestConnControl(),
                                new RequestUserAgent("Ganglion"))
                        .build())
                .setMaxTotal(config.maxConnections())
                .setDefaultMaxPerRoute(config.maxPerRoute())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setPoolReusePolicy(PoolReusePolicy.LIFO)
                .setTlsHandshakeTimeout(Timeout.of(config.connectTimeout()))
                .setStreamListener(new ResponseTimeouts())
                .create();
        requester.start();
    }

    public SenderConfig config() {
        return config;
    }

    @Override
    public void send(OutboundRequest request, SendCallback callback) {
        URI uri = request.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
            callback.onFailure(SendErrors.failure(ErrorCode.SND_IO_ERROR_SENDING,
                    "cannot send to '" + uri + "': only http and https addresses with a host are supported", null));
            return;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        HttpHost route = new HttpHost(scheme, host, port);
        String target = uri.getHost() + ":" + port;
        OutboundRequest.SendOptions options = request.options() == null
                ? OutboundRequest.SendOptions.DEFAULT : request.options();
        Duration responseTimeout = options.responseTimeout() != null ? options.responseTimeout()
                : config.socketTimeout();

        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        TargetRequest head = new TargetRequest(request.method(), path, Timeout.of(responseTimeout));
        head.setScheme(scheme);
        head.setAuthority(new URIAuthority(host, uri.getPort()));
        WireHeaders.toWire(request.headers(), head, true);
        // The body is in hand: a client's Expect: 100-continue would only stall the backend exchange.
        head.removeHeaders("Expect");
        if (!options.keepAlive()) {
            head.addHeader("Connection", "close");
        }

        OutboundBody body = request.body() == null ? OutboundBody.NONE : request.body();
        if (body instanceof OutboundBody.Relay relay) {
            RawBody raw = relay.body();
            // Read whole for now; a streaming relay will pipe it with back-pressure instead.
            raw.readAll(Long.MAX_VALUE).whenComplete((bytes, err) -> {
                if (err != null) {
                    Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                    callback.onFailure(SendErrors.failure(ErrorCode.RCV_IO_ERROR_RECEIVING,
                            "could not read the body to send to " + target + ": " + cause.getMessage(), cause));
                    return;
                }
                long length = raw.length() < 0 && options.chunked() ? -1 : bytes.length;
                start(route, new TargetHandler(target, head, new Entity(length, raw.contentType()), bytes, callback,
                        config.maxBodySize(), options.keepAlive(), config.connectTimeout(), responseTimeout));
            });
        } else if (body instanceof OutboundBody.Bytes bytes) {
            start(route, new TargetHandler(target, head, new Entity(bytes.bytes().length, bytes.contentType()),
                    bytes.bytes(), callback, config.maxBodySize(), options.keepAlive(), config.connectTimeout(),
                    responseTimeout));
        } else {
            Entity none = BODY_METHODS.contains(request.method().toUpperCase(Locale.ROOT)) ? new Entity(0, null) : null;
            start(route, new TargetHandler(target, head, none, new byte[0], callback, config.maxBodySize(),
                    options.keepAlive(), config.connectTimeout(), responseTimeout));
        }
    }

    private void start(HttpHost route, TargetHandler handler) {
        try {
            requester.connect(route, Timeout.of(config.connectTimeout()), null, new FutureCallback<>() {
                @Override
                public void completed(AsyncClientEndpoint endpoint) {
                    handler.bind(endpoint);
                    try {
                        endpoint.execute(handler, HttpCoreContext.create());
                    } catch (RuntimeException e) {
                        handler.failed(e);
                    }
                }

                @Override
                public void failed(Exception e) {
                    handler.connectFailed(e);
                }

                @Override
                public void cancelled() {
                    handler.connectFailed(new CancellationException("connection request cancelled"));
                }
            });
        } catch (RuntimeException e) {
            handler.connectFailed(e);
        }
    }

    /** Connections currently leased or idle in the pool. */
    public int pooledConnections() {
        var stats = requester.getTotalStats();
        return stats.getLeased() + stats.getAvailable();
    }

    @Override
    public void close() {
        requester.initiateShutdown();
        try {
            requester.awaitShutdown(TimeValue.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requester.close(CloseMode.IMMEDIATE);
    }

    /** Applies each request's response timeout to its connection as the head goes out. */
    private static final class ResponseTimeouts implements Http1StreamListener {
        @Override
        public void onRequestHead(HttpConnection connection, HttpRequest request) {
            if (request instanceof TargetRequest t) {
                connection.setSocketTimeout(t.responseTimeout());
                t.headWritten();
            }
        }

        @Override
        public void onResponseHead(HttpConnection connection, HttpResponse response) {}

        @Override
        public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {}
    }
}
