package io.ganglion.transport.http.listener;

import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.transport.http.ListenerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.function.Callback;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.CharCodingConfig;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.impl.nio.DefaultHttpResponseWriterFactory;
import org.apache.hc.core5.http.impl.nio.ServerHttp1IOEventHandlerFactory;
import org.apache.hc.core5.http.impl.nio.ServerHttp1StreamDuplexerFactory;
import org.apache.hc.core5.http.nio.AsyncServerExchangeHandler;
import org.apache.hc.core5.http.nio.HandlerFactory;
import org.apache.hc.core5.http.nio.ssl.BasicServerTlsStrategy;
import org.apache.hc.core5.http.nio.support.BasicAsyncServerExpectationDecorator;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 listener on HttpCore 5, on a plain port and (given an SSL context) a TLS port: every
 * request, whatever its Host, goes to a fresh {@link SourceHandler} and from there to the
 * dispatcher (the engine's {@code accept}) at head time; bodies stream (see {@link SourceHandler}).
 *
 * <p>Limits: request line (414), header size and count (431), concurrent connections (more are
 * closed at once), idle connections (closed after the idle timeout) and unanswered requests (504).
 * Lifecycle: {@link #start()} binds, {@link #stopAccepting()} closes the server sockets,
 * {@link #awaitIdle} waits for in-flight exchanges, {@link #close()} shuts down the reactor.
 * Thread-safe: the dispatcher is called on I/O threads and must not block.
 */
public final class HttpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);
    /** A TLS handshake is a few round trips; a client taking longer only holds a connection. */
    private static final long MAX_HANDSHAKE_MILLIS = 30_000;

    private final ListenerConfig config;
    private final SSLContext tls;
    private final Consumer<InboundExchange> dispatcher;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledThreadPoolExecutor timer;
    private final Object idle = new Object();

    private volatile HttpAsyncServer server;
    private volatile List<ListenerEndpoint> endpoints = List.of();
    private volatile int port;
    private volatile int httpsPort = -1;

    /** An HTTP-only listener. */
    public HttpListener(ListenerConfig config, Consumer<InboundExchange> dispatcher) {
        this(config, null, dispatcher);
    }

    /**
     * @param tls the context of the HTTPS port, or null for none (then {@code httpsPort} is ignored)
     */
    public HttpListener(ListenerConfig config, SSLContext tls, Consumer<InboundExchange> dispatcher) {
        this.config = Objects.requireNonNull(config, "config");
        this.tls = config.httpsPort() < 0 ? null : tls;
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ganglion-listener-timer");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** Binds the configured address(es) and starts serving. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        Callback<Exception> errors = e -> LOG.debug("listener I/O error: {}", e.toString());
        RequestLimits limits = new RequestLimits(config.maxRequestLine(), config.maxHeaderSize(),
                config.maxHeaderCount(), config.bufferSize());
        // A factory of our own, not register("*"): that one answers 421 to any Host but the canonical name.
        HandlerFactory<AsyncServerExchangeHandler> handlers = (request, context) ->
                new BasicAsyncServerExpectationDecorator(new SourceHandler(this), errors);
        ServerHttp1StreamDuplexerFactory duplexers = new ServerHttp1StreamDuplexerFactory(
                HttpProcessors.customServer("Ganglion").addFirst(RequestLimits.STATUS).build(), handlers,
                limits.http1Config(), CharCodingConfig.DEFAULT, DefaultConnectionReuseStrategy.INSTANCE, limits,
                DefaultHttpResponseWriterFactory.INSTANCE, new StreamEvents(), errors);
        HttpAsyncServer s = new HttpAsyncServer(
                new ServerHttp1IOEventHandlerFactory(duplexers, tls == null ? null : new BasicServerTlsStrategy(tls),
                        Timeout.ofMilliseconds(Math.min(config.idleTimeout().toMillis(), MAX_HANDSHAKE_MILLIS))),
                IOReactorConfig.custom()
                        .setSoTimeout(Timeout.of(config.idleTimeout()))
                        .setSoReuseAddress(true)
                        .setTcpNoDelay(true)
                        .build(),
                null, errors, new ConnectionLimit(config.maxConnections()), null, null, "localhost");
        s.start();
        List<ListenerEndpoint> bound = new ArrayList<>();
        try {
            ListenerEndpoint plain = listen(s, config.port(), URIScheme.HTTP);
            bound.add(plain);
            port = portOf(plain);
            if (tls != null) {
                ListenerEndpoint secure = listen(s, config.httpsPort(), URIScheme.HTTPS);
                bound.add(secure);
                httpsPort = portOf(secure);
            }
        } catch (IOException e) {
            s.close(CloseMode.IMMEDIATE);
            throw e;
        }
        endpoints = List.copyOf(bound);
        server = s;
        LOG.debug("listening on {}", bound.stream().map(ListenerEndpoint::getAddress).toList());
    }

    private ListenerEndpoint listen(HttpAsyncServer s, int p, URIScheme scheme) throws IOException {
        String where = config.host() + ":" + p;
        try {
            return s.listen(new InetSocketAddress(config.host(), p), scheme).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot listen on " + where + ": " + cause.getMessage(), cause);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot listen on " + where + ": " + e, e);
        }
    }

    private static int portOf(ListenerEndpoint e) {
        return ((InetSocketAddress) e.getAddress()).getPort();
    }

    /** The bound HTTP port (the real one when configured as 0). */
    public int port() {
        return port;
    }

    /** The bound HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return httpsPort;
    }

    public ListenerConfig config() {
        return config;
    }

    /** Exchanges received and not yet finished. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Closes the server sockets; open connections and exchanges carry on. */
    public void stopAccepting() {
        for (ListenerEndpoint e : endpoints) {
            if (!e.isClosed()) {
                e.close(CloseMode.GRACEFUL);
            }
        }
    }

    /** Waits until no exchange is in flight; returns false if some still are after {@code max}. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** Stops accepting and shuts the reactor down, closing idle connections (gracefully for up to 0.5 s). */
    @Override
    public synchronized void close() {
        HttpAsyncServer s = server;
        if (s == null) {
            timer.shutdownNow();
            return;
        }
        server = null;
        stopAccepting();
        s.initiateShutdown();
        try {
            // Exchanges were drained before (Server.close); a TLS peer may never answer close_notify.
            s.awaitShutdown(TimeValue.ofMilliseconds(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        s.close(CloseMode.IMMEDIATE);
        timer.shutdownNow();
    }

    // ------------------------------------------------------------------ for SourceHandler

    void dispatch(InboundExchange exchange) {
        dispatcher.accept(exchange);
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    void exchangeStarted() {
        inFlight.incrementAndGet();
    }

    void exchangeEnded() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /**
     * Gives a connection with an exchange under way the request timeout (plus a margin) as its I/O
     * inactivity limit, so a slow engine does not lose the client, and an idle one the idle timeout;
     * logs the error answers HttpCore writes itself (400, 414, 431...).
     */
    private final class StreamEvents implements Http1StreamListener {
        @Override
        public void onRequestHead(HttpConnection connection, HttpRequest request) {
            long ms = Math.max(config.idleTimeout().toMillis(), config.requestTimeout().toMillis() + 5_000);
            connection.setSocketTimeout(Timeout.ofMilliseconds(ms));
        }

        @Override
        public void onResponseHead(HttpConnection connection, HttpResponse response) {
            if (response.getCode() >= 400 && !(response instanceof SourceHandler.SourceResponse)) {
                LOG.warn("rejected a request from {}: {} {}", connection.getRemoteAddress(), response.getCode(),
                        response.getReasonPhrase() == null ? "" : response.getReasonPhrase());
            }
        }

        @Override
        public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
            connection.setSocketTimeout(Timeout.of(config.idleTimeout()));
        }
    }
}
