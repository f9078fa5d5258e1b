package io.ganglion.transport.http.sender;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.Sender;
import io.ganglion.transport.http.Entity;
import io.ganglion.transport.http.SenderConfig;
import io.ganglion.transport.http.body.StreamingBody;
import io.ganglion.transport.tls.ClientTls;
import io.ganglion.transport.tls.HostnameVerification;
import io.ganglion.transport.tls.KeyStores;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.bootstrap.AsyncRequesterBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP/1.1 sender on HttpCore 5: delivers the engine's requests to backends over pooled
 * connections ({@link TargetPool}), HTTPS with {@link ClientTls}, streaming relayed bodies both
 * ways, and reports each outcome once with a Synapse error code.
 *
 * <p>What goes on the wire: the method, the URI's path and query, the engine's headers minus
 * hop-by-hop and framing ones, {@code Host} from the URI, and a body framed by Content-Length when
 * its length is known (or chunking is off), chunked otherwise.
 * Thread-safe: {@link #send} may be called from any thread and returns at once.
 */
public final class HttpSender implements Sender, AutoCloseable {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final SenderConfig config;
    private final HttpAsyncRequester requester;
    private final TargetPool pool;

    /** A sender trusting the JDK's default certificate authorities, with Synapse's default host name check. */
    public HttpSender(SenderConfig config) {
        this(config, defaultTls());
    }

    public HttpSender(SenderConfig config, ClientTls tls) {
        this.config = Objects.requireNonNull(config, "config");
        this.requester = AsyncRequesterBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setSoTimeout(Timeout.of(config.socketTimeout()))
                        .setTcpNoDelay(true)
                        .build())
                .setHttp1Config(Http1Config.custom().setInitialWindowSize(config.bufferSize()).build())
                // No RequestExpectContinue: waiting for 100 Continue costs a round trip per request.
                .setHttpProcessor(HttpProcessorBuilder.create()
                        .addAll(new RequestContent(), new RequestTargetHost(), new RequestConnControl(),
                                new RequestUserAgent("Ganglion"))
                        .build())
                .setTlsStrategy(Objects.requireNonNull(tls, "tls"))
                .setTlsHandshakeTimeout(Timeout.of(config.connectTimeout()))
                .setStreamListener(new ResponseTimeouts())
                .create();
        requester.start();
        this.pool = new TargetPool(requester, config.maxConnections(), config.maxPerRoute(), config.connectTimeout(),
                config.idleTimeout());
    }

    private static ClientTls defaultTls() {
        try {
            return new ClientTls(KeyStores.clientContext(null), HostnameVerification.DEFAULT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default trust store is unusable: " + e.getMessage(), e);
        }
    }

    public SenderConfig config() {
        return config;
    }

    TargetPool pool() {
        return pool;
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
        OutboundRequest.SendOptions options = request.options() == null
                ? OutboundRequest.SendOptions.DEFAULT : request.options();
        Duration responseTimeout = options.responseTimeout() != null ? options.responseTimeout()
                : config.socketTimeout();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        URIAuthority authority = new URIAuthority(host, uri.getPort());
        String method = request.method();
        boolean keepAlive = options.keepAlive();

        OutboundBody body = request.body() == null ? OutboundBody.NONE : request.body();
        if (body instanceof OutboundBody.Relay r) {
            RawBody raw = r.body();
            long length = raw.length();
            if (raw instanceof StreamingBody streaming && (length >= 0 || options.chunked())
                    && streaming.attach(Delivery.holder(), true)) {
                new Delivery(this, route, method, path, authority, request.headers(),
                        new Entity(length, raw.contentType()), null, streaming, responseTimeout, keepAlive, callback)
                        .start(false);
                return;
            }
            // Read whole: another kind of body, one already read, or chunking off with an unknown length.
            String finalPath = path;
            raw.readAll(config.maxBodySize()).whenComplete((bytes, err) -> {
                if (err != null) {
                    Throwable cause = err instanceof CompletionException && err.getCause() != null
                            ? err.getCause() : err;
                    callback.onFailure(SendErrors.failure(ErrorCode.SND_IO_ERROR_SENDING,
                            "could not read the body to send to " + route.toHostString() + ": " + cause.getMessage(),
                            cause));
                    return;
                }
                long n = length < 0 && options.chunked() ? -1 : bytes.length;
                new Delivery(this, route, method, finalPath, authority, request.headers(),
                        new Entity(n, raw.contentType()), bytes, null, responseTimeout, keepAlive, callback)
                        .start(false);
            });
        } else if (body instanceof OutboundBody.Bytes b) {
            new Delivery(this, route, method, path, authority, request.headers(),
                    new Entity(b.bytes().length, b.contentType()), b.bytes(), null, responseTimeout, keepAlive,
                    callback).start(false);
        } else {
            Entity none = BODY_METHODS.contains(method.toUpperCase(Locale.ROOT)) ? new Entity(0, null) : null;
            new Delivery(this, route, method, path, authority, request.headers(), none, none == null ? null
                    : new byte[0], null, responseTimeout, keepAlive, callback).start(false);
        }
    }

    /** Connections currently leased or idle in the pool. */
    public int pooledConnections() {
        var stats = pool.stats();
        return stats.getLeased() + stats.getAvailable();
    }

    @Override
    public void close() {
        pool.close();
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
