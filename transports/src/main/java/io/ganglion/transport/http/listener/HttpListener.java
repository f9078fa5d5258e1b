package io.ganglion.transport.http.listener;

import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.transport.http.ListenerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.HttpProcessors;
import org.apache.hc.core5.http.impl.bootstrap.AsyncServerBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 listener on HttpCore 5: every request, whatever its Host, goes to a fresh
 * {@link SourceHandler} and from there to the dispatcher (the engine's {@code accept}) at head time.
 *
 * <p>Lifecycle: {@link #start()} binds, {@link #stopAccepting()} closes the server socket,
 * {@link #awaitIdle} waits for in-flight exchanges, {@link #close()} shuts down the reactor.
 * Thread-safe: the dispatcher is called on I/O threads and must not block.
 */
public final class HttpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);

    private final ListenerConfig config;
    private final Consumer<InboundExchange> dispatcher;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledThreadPoolExecutor timer;
    private final Object idle = new Object();

    private volatile HttpAsyncServer server;
    private volatile ListenerEndpoint endpoint;
    private volatile int port;

    public HttpListener(ListenerConfig config, Consumer<InboundExchange> dispatcher) {
        this.config = Objects.requireNonNull(config, "config");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ganglion-listener-timer");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** Binds the configured address and starts serving. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        // The I/O inactivity limit must outlast the request timeout, or a slow engine loses the client.
        long soTimeout = Math.max(config.idleTimeout().toMillis(), config.requestTimeout().toMillis() + 5_000);
        HttpAsyncServer s = AsyncServerBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setSoTimeout(Timeout.ofMilliseconds(soTimeout))
                        .setSoReuseAddress(true)
                        .setTcpNoDelay(true)
                        .build())
                .setHttpProcessor(HttpProcessors.server("Ganglion"))
                // A router, not register("*"): that one answers 421 to any Host but the canonical name.
                .setRequestRouter((request, context) -> () -> new SourceHandler(this))
                .setStreamListener(new RejectionLogger())
                .setExceptionCallback(e -> LOG.debug("listener I/O error: {}", e.toString()))
                .create();
        s.start();
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        try {
            endpoint = s.listen(address, URIScheme.HTTP).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            s.close(CloseMode.IMMEDIATE);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + cause.getMessage(),
                    cause);
        } catch (TimeoutException | InterruptedException e) {
            s.close(CloseMode.IMMEDIATE);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e, e);
        }
        port = ((InetSocketAddress) endpoint.getAddress()).getPort();
        server = s;
        LOG.debug("HTTP listener bound to {}", endpoint.getAddress());
    }

    /** The bound port (the real one when configured as 0). */
    public int port() {
        return port;
    }

    public ListenerConfig config() {
        return config;
    }

    /** Exchanges received and not yet finished. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Closes the server socket; open connections and exchanges carry on. */
    public void stopAccepting() {
        ListenerEndpoint e = endpoint;
        if (e != null && !e.isClosed()) {
            e.close(CloseMode.GRACEFUL);
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

    /** Stops accepting and shuts the reactor down, closing idle connections first. */
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
            s.awaitShutdown(TimeValue.ofSeconds(2));
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

    /** Logs the error answers HttpCore writes itself, e.g. 400 for a malformed request line. */
    private static final class RejectionLogger implements Http1StreamListener {
        @Override
        public void onRequestHead(HttpConnection connection, HttpRequest request) {}

        @Override
        public void onResponseHead(HttpConnection connection, HttpResponse response) {
            if (response.getCode() >= 400 && !(response instanceof SourceHandler.SourceResponse)) {
                LOG.warn("rejected a request from {}: {} {}", connection.getRemoteAddress(), response.getCode(),
                        response.getReasonPhrase() == null ? "" : response.getReasonPhrase());
            }
        }

        @Override
        public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {}
    }
}
