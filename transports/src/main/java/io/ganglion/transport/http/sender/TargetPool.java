package io.ganglion.transport.http.sender;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncRequester;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolEntry;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.pool.StrictConnPool;
import org.apache.hc.core5.reactor.EndpointParameters;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Backend connections, pooled per scheme://host:port with a per-route and a total limit.
 *
 * <p>A connection goes back to the pool only after a clean exchange, with an expiry of the idle
 * timeout or the backend's shorter {@code Keep-Alive: timeout}, and the idle timeout as its I/O
 * inactivity limit (HttpCore closes it when that passes). A connection the backend closed is
 * noticed by the reactor and found closed at lease time; expired and idle ones are also swept
 * every few seconds. New connections (TCP, then TLS for https) come from the requester's reactor.
 * Thread-safe: the pool is HttpCore's strict pool; a lease is released once.
 */
final class TargetPool implements AutoCloseable {

    /** A leased pool entry holding an open connection. */
    static final class Lease {
        private final PoolEntry<HttpHost, IOSession> entry;
        private final boolean reused;
        private final AtomicBoolean released = new AtomicBoolean();

        Lease(PoolEntry<HttpHost, IOSession> entry, boolean reused) {
            this.entry = entry;
            this.reused = reused;
        }

        IOSession session() {
            return entry.getConnection();
        }

        /** True when the connection served an earlier exchange (it may have gone stale since). */
        boolean reused() {
            return reused;
        }
    }

    private final HttpAsyncRequester requester;
    private final StrictConnPool<HttpHost, IOSession> pool;
    private final Timeout connectTimeout;
    private final Duration idleTimeout;
    private final ScheduledExecutorService sweeper;

    TargetPool(HttpAsyncRequester requester, int maxTotal, int maxPerRoute, Duration connectTimeout,
            Duration idleTimeout) {
        this.requester = requester;
        this.pool = new StrictConnPool<>(maxPerRoute, maxTotal, TimeValue.NEG_ONE_MILLISECOND, PoolReusePolicy.LIFO,
                null);
        this.connectTimeout = Timeout.of(connectTimeout);
        this.idleTimeout = idleTimeout;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ganglion-pool-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, Math.min(5_000, idleTimeout.toMillis() / 2));
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        // The pool checks the deadlines of waiting leases only when asked: without this, a request
        // waiting for a full route would wait until a connection came back, not the connect timeout.
        sweeper.scheduleWithFixedDelay(pool::validatePendingRequests, 100, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * Leases a connection to {@code route}: a pooled one, unless {@code fresh} or it is closed,
     * else a new one. Fails with a timeout when the pool stays full for the connect timeout.
     */
    void lease(HttpHost route, boolean fresh, FutureCallback<Lease> callback) {
        pool.lease(route, null, connectTimeout, new FutureCallback<>() {
            @Override
            public void completed(PoolEntry<HttpHost, IOSession> entry) {
                IOSession pooled = entry.getConnection();
                if (pooled != null && pooled.isOpen() && !fresh) {
                    callback.completed(new Lease(entry, true));
                    return;
                }
                if (entry.hasConnection()) {
                    entry.discardConnection(CloseMode.IMMEDIATE);
                }
                connect(route, entry, callback);
            }

            @Override
            public void failed(Exception e) {
                callback.failed(e instanceof java.util.concurrent.TimeoutException
                        ? new PoolTimeoutException("no connection to " + route.toHostString()
                                + " was free in the pool within " + connectTimeout.toMilliseconds() + " ms", e)
                        : e);
            }

            @Override
            public void cancelled() {
                callback.cancelled();
            }
        });
    }

    private void connect(HttpHost route, PoolEntry<HttpHost, IOSession> entry, FutureCallback<Lease> callback) {
        try {
            requester.requestSession(route, connectTimeout, new EndpointParameters(route, null),
                    new FutureCallback<>() {
                        @Override
                        public void completed(IOSession session) {
                            entry.assignConnection(session);
                            callback.completed(new Lease(entry, false));
                        }

                        @Override
                        public void failed(Exception e) {
                            pool.release(entry, false);
                            callback.failed(e);
                        }

                        @Override
                        public void cancelled() {
                            pool.release(entry, false);
                            callback.cancelled();
                        }
                    });
        } catch (RuntimeException e) {
            pool.release(entry, false);
            callback.failed(e);
        }
    }

    /**
     * Returns a lease: the connection stays pooled for at most {@code keepAlive} (null: the idle
     * timeout) when {@code reusable} and still open, and is closed otherwise. Later calls do nothing.
     */
    void release(Lease lease, boolean reusable, Duration keepAlive) {
        if (!lease.released.compareAndSet(false, true)) {
            return;
        }
        PoolEntry<HttpHost, IOSession> entry = lease.entry;
        IOSession session = entry.getConnection();
        if (reusable && session != null && session.isOpen()) {
            Duration keep = keepAlive == null || keepAlive.compareTo(idleTimeout) > 0 ? idleTimeout : keepAlive;
            entry.updateExpiry(TimeValue.ofMilliseconds(keep.toMillis()));
            session.setSocketTimeout(Timeout.of(idleTimeout));
            pool.release(entry, true);
        } else {
            entry.discardConnection(CloseMode.IMMEDIATE);
            pool.release(entry, false);
        }
    }

    /** Leased plus idle connections. */
    PoolStats stats() {
        return pool.getTotalStats();
    }

    private void sweep() {
        pool.closeExpired();
        pool.closeIdle(TimeValue.ofMilliseconds(idleTimeout.toMillis()));
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        pool.close(CloseMode.IMMEDIATE);
    }

    /** The pool stayed full for the whole connect timeout. */
    static final class PoolTimeoutException extends java.util.concurrent.TimeoutException {
        private static final long serialVersionUID = 1L;

        PoolTimeoutException(String message, Exception cause) {
            super(message);
            initCause(cause);
        }
    }
}
