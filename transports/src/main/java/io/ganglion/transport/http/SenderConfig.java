package io.ganglion.transport.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP(S) sender. Thread-safe: immutable.
 *
 * @param connectTimeout how long to wait for a TCP (and TLS) connection, and for a free pooled one
 * @param socketTimeout how long a backend may stay silent during an exchange, unless the
 *     request sets its own response timeout
 * @param maxConnections the most connections in the pool
 * @param maxPerRoute the most connections to one scheme://host:port
 * @param maxBodySize the most response-body bytes buffered when mediation reads a body
 * @param idleTimeout how long a pooled connection may stay idle before it is closed (a backend's
 *     shorter {@code Keep-Alive: timeout} wins)
 * @param bufferSize the relay window: body bytes held per direction of a pass-through exchange
 */
public record SenderConfig(Duration connectTimeout, Duration socketTimeout, int maxConnections, int maxPerRoute,
        long maxBodySize, Duration idleTimeout, int bufferSize) {

    public static final SenderConfig DEFAULT = new SenderConfig(Duration.ofSeconds(10), Duration.ofSeconds(60),
            200, 50, ListenerConfig.DEFAULT_MAX_BODY_SIZE, Duration.ofSeconds(30), ListenerConfig.DEFAULT_BUFFER_SIZE);

    public SenderConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnections < 1 || maxPerRoute < 1) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
        if (maxBodySize <= 0 || bufferSize < 1024) {
            throw new IllegalArgumentException("maxBodySize and bufferSize must be positive");
        }
    }

    /** A sender with the default idle timeout and buffer size. */
    public SenderConfig(Duration connectTimeout, Duration socketTimeout, int maxConnections, int maxPerRoute,
            long maxBodySize) {
        this(connectTimeout, socketTimeout, maxConnections, maxPerRoute, maxBodySize, DEFAULT.idleTimeout,
                DEFAULT.bufferSize);
    }

    public SenderConfig withSocketTimeout(Duration timeout) {
        return new SenderConfig(connectTimeout, timeout, maxConnections, maxPerRoute, maxBodySize, idleTimeout,
                bufferSize);
    }

    public SenderConfig withMaxBodySize(long size) {
        return new SenderConfig(connectTimeout, socketTimeout, maxConnections, maxPerRoute, size, idleTimeout,
                bufferSize);
    }

    public SenderConfig withIdleTimeout(Duration timeout) {
        return new SenderConfig(connectTimeout, socketTimeout, maxConnections, maxPerRoute, maxBodySize, timeout,
                bufferSize);
    }
}
