package io.ganglion.transport.http.sender;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.spi.SendFailureException;
import io.ganglion.transport.http.Entity;
import io.ganglion.transport.http.WireHeaders;
import io.ganglion.transport.http.body.StreamingBody;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.command.RequestExecutionCommand;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.net.URIAuthority;
import org.apache.hc.core5.reactor.Command;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on its way to a backend, over one or two attempts: a request that fails on a
 * pooled connection before any response byte (the backend closed it while it was idle) is sent
 * again, once, on a fresh connection, when its body can be replayed (none, bytes in hand, or a
 * relayed body whose bytes sent so far are still held). Reports to the engine exactly once.
 * Thread-safe: attempts run one after another; the outcome is claimed atomically.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** Holds a relayed body between attempts; bytes arriving meanwhile wait in the body. */
    private static final StreamingBody.Sink BETWEEN_ATTEMPTS = () -> { };

    private final HttpSender sender;
    private final HttpHost route;
    private final String target;
    private final String method;
    private final String path;
    private final URIAuthority authority;
    private final Headers headers;
    private final Entity entity;
    private final byte[] bytes;
    private final StreamingBody relay;
    private final Duration responseTimeout;
    private final boolean keepAlive;
    private final SendCallback callback;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile boolean retried;

    /**
     * @param relay a body streamed from a client, already attached to {@link #holder()}, or null
     */
    Delivery(HttpSender sender, HttpHost route, String method, String path, URIAuthority authority, Headers headers,
            Entity entity, byte[] bytes, StreamingBody relay, Duration responseTimeout, boolean keepAlive,
            SendCallback callback) {
        this.sender = sender;
        this.route = route;
        this.target = route.toHostString();
        this.method = method;
        this.path = path;
        this.authority = authority;
        this.headers = headers;
        this.entity = entity;
        this.bytes = bytes;
        this.relay = relay;
        this.responseTimeout = responseTimeout;
        this.keepAlive = keepAlive;
        this.callback = callback;
    }

    /** The sink a relayed body is attached to before the first attempt. */
    static StreamingBody.Sink holder() {
        return BETWEEN_ATTEMPTS;
    }

    TargetPool pool() {
        return sender.pool();
    }

    int bufferSize() {
        return sender.config().bufferSize();
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** Starts an attempt on a pooled connection, or on a new one when {@code fresh}. */
    void start(boolean fresh) {
        pool().lease(route, fresh, new FutureCallback<>() {
            @Override
            public void completed(TargetPool.Lease lease) {
                run(lease);
            }

            @Override
            public void failed(Exception e) {
                connectFailed(e);
            }

            @Override
            public void cancelled() {
                connectFailed(new CancellationException("the connection request was cancelled"));
            }
        });
    }

    private void run(TargetPool.Lease lease) {
        TargetHandler handler = new TargetHandler(this, lease, head(), entity, bytes, relay);
        if (relay != null && !handler.output().replay(relay)) {
            pool().release(lease, true, null);
            report(SendErrors.failure(ErrorCode.SND_IO_ERROR_SENDING,
                    "the request body for " + target + " is no longer available", null));
            return;
        }
        IOSession session = lease.session();
        try {
            session.enqueue(new RequestExecutionCommand(handler, HttpCoreContext.create()), Command.Priority.NORMAL);
            if (!session.isOpen()) {
                handler.failed(new ConnectionClosedException("the pooled connection was closed"));
            }
        } catch (RuntimeException e) {
            handler.failed(e);
        }
    }

    private TargetRequest head() {
        TargetRequest head = new TargetRequest(method, path, Timeout.of(responseTimeout));
        head.setScheme(route.getSchemeName());
        head.setAuthority(authority);
        WireHeaders.toWire(headers, head, true);
        // The body is in hand or streaming: a client's Expect: 100-continue would only stall the backend.
        head.removeHeaders("Expect");
        if (!keepAlive) {
            head.addHeader("Connection", "close");
        }
        return head;
    }

    void responded(InboundResponse response) {
        if (reported.compareAndSet(false, true)) {
            callback.onResponse(response);
        }
    }

    /** An attempt failed before its response arrived. */
    void failed(TargetHandler attempt, Exception cause) {
        if (attempt.lease().reused() && !retried && !attempt.responseStarted() && isStale(cause) && replayable()) {
            retried = true;
            LOG.debug("{} {}: the pooled connection failed ({}); retrying on a new one", method, target,
                    cause.toString());
            start(true);
            return;
        }
        giveBackBody();
        if (!attempt.headWritten()) {
            // The session was handed over before its TLS handshake finished; that is still connecting.
            report(SendErrors.connectFailed(target, cause, sender.config().connectTimeout()));
        } else {
            report(SendErrors.exchangeFailed(target, cause, attempt.requestSent(), attempt.responseStarted(),
                    responseTimeout));
        }
    }

    /** No connection could be obtained. */
    void connectFailed(Exception cause) {
        giveBackBody();
        report(SendErrors.connectFailed(target, cause, sender.config().connectTimeout()));
    }

    /** What reading the response body reports when it broke: a failed send with its error code. */
    Exception bodyFailure(Exception cause) {
        return new SendFailureException(SendErrors.bodyFailed(target, cause, responseTimeout));
    }

    void report(SendFailure failure) {
        if (reported.compareAndSet(false, true)) {
            LOG.debug("send to {} failed: {}", target, failure.message());
            callback.onFailure(failure);
        }
    }

    /** A closed or reset connection, not a timeout or a TLS failure: what a stale pooled connection gives. */
    private static boolean isStale(Exception cause) {
        return cause instanceof IOException && !(cause instanceof SocketTimeoutException)
                && !(cause instanceof SSLException);
    }

    private boolean replayable() {
        return relay == null || relay.rewind(BETWEEN_ATTEMPTS);
    }

    /** Lets another send claim a relayed body none of which left, else drops it. */
    private void giveBackBody() {
        if (relay != null) {
            relay.release();
        }
    }
}
