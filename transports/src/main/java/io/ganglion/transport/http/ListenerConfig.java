package io.ganglion.transport.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP listener. Thread-safe: immutable.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port to bind; 0 picks a free one
 * @param maxBodySize the most request-body bytes buffered per exchange
 * @param requestTimeout how long a client waits for the engine before it gets 504
 * @param idleTimeout how long an idle keep-alive connection stays open
 */
public record ListenerConfig(String host, int port, long maxBodySize, Duration requestTimeout, Duration idleTimeout) {

    public static final long DEFAULT_MAX_BODY_SIZE = 16L * 1024 * 1024;
    public static final ListenerConfig DEFAULT = new ListenerConfig("0.0.0.0", 8280, DEFAULT_MAX_BODY_SIZE,
            Duration.ofSeconds(180), Duration.ofSeconds(180));

    public ListenerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        if (maxBodySize <= 0) {
            throw new IllegalArgumentException("maxBodySize must be positive");
        }
    }

    public ListenerConfig withPort(int newPort) {
        return new ListenerConfig(host, newPort, maxBodySize, requestTimeout, idleTimeout);
    }

    public ListenerConfig withHost(String newHost) {
        return new ListenerConfig(newHost, port, maxBodySize, requestTimeout, idleTimeout);
    }

    public ListenerConfig withRequestTimeout(Duration timeout) {
        return new ListenerConfig(host, port, maxBodySize, timeout, idleTimeout);
    }

    public ListenerConfig withMaxBodySize(long size) {
        return new ListenerConfig(host, port, size, requestTimeout, idleTimeout);
    }
}
