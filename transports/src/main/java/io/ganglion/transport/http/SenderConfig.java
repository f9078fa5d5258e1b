package io.ganglion.transport.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP sender. Thread-safe: immutable.
 *
 * @param connectTimeout how long to wait for a TCP (and TLS) connection, and for a pooled one
 * @param socketTimeout how long a backend may stay silent during an exchange, unless the
 *     request sets its own response timeout
 * @param maxConnections the most connections in the pool
 * @param maxPerRoute the most connections to one host:port
 * @param maxBodySize the most response-body bytes buffered per exchange
 */
public record SenderConfig(Duration connectTimeout, Duration socketTimeout, int maxConnections, int maxPerRoute,
        long maxBodySize) {

    public static final SenderConfig DEFAULT = new SenderConfig(Duration.ofSeconds(10), Duration.ofSeconds(60),
            200, 50, ListenerConfig.DEFAULT_MAX_BODY_SIZE);

    public SenderConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        if (maxConnections < 1 || maxPerRoute < 1) {
            throw new IllegalArgumentException("connection limits must be positive");
        }
        if (maxBodySize <= 0) {
            throw new IllegalArgumentException("maxBodySize must be positive");
        }
    }

    public SenderConfig withSocketTimeout(Duration timeout) {
        return new SenderConfig(connectTimeout, timeout, maxConnections, maxPerRoute, maxBodySize);
    }

    public SenderConfig withMaxBodySize(long size) {
        return new SenderConfig(connectTimeout, socketTimeout, maxConnections, maxPerRoute, size);
    }
}
