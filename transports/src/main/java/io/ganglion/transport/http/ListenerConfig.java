package io.ganglion.transport.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP(S) listener. Thread-safe: immutable.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the HTTP port; 0 picks a free one
 * @param httpsPort the HTTPS port; 0 picks a free one, -1 turns HTTPS off
 * @param maxBodySize the most request-body bytes buffered for mediation
 * @param requestTimeout how long a client with a complete request waits for the engine before it gets 504
 * @param idleTimeout how long a keep-alive connection may stay idle, and how long a client may stall mid-request
 * @param maxConnections the most client connections open at once; more are closed at once
 * @param maxRequestLine the longest request line (method, target, version) accepted; longer gets 414
 * @param maxHeaderSize the most bytes of header fields accepted; more gets 431
 * @param maxHeaderCount the most header fields accepted; more gets 431
 * @param bufferSize the relay window: body bytes held per direction of a pass-through exchange
 */
public record ListenerConfig(String host, int port, int httpsPort, long maxBodySize, Duration requestTimeout,
        Duration idleTimeout, int maxConnections, int maxRequestLine, int maxHeaderSize, int maxHeaderCount,
        int bufferSize) {

    public static final long DEFAULT_MAX_BODY_SIZE = 16L * 1024 * 1024;
    public static final int DEFAULT_BUFFER_SIZE = 64 * 1024;
    public static final ListenerConfig DEFAULT = new ListenerConfig("0.0.0.0", 8280, 8243, DEFAULT_MAX_BODY_SIZE,
            Duration.ofSeconds(180), Duration.ofSeconds(180), 4096, 8192, 16384, 100, DEFAULT_BUFFER_SIZE);

    public ListenerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        if (httpsPort < -1 || httpsPort > 65535) {
            throw new IllegalArgumentException("httpsPort " + httpsPort + " is out of range");
        }
        if (maxBodySize <= 0 || maxConnections < 1 || maxRequestLine < 64 || maxHeaderSize < 256
                || maxHeaderCount < 1 || bufferSize < 1024) {
            throw new IllegalArgumentException("listener limits are too small");
        }
    }

    /** An HTTP-only listener with default limits. */
    public ListenerConfig(String host, int port, long maxBodySize, Duration requestTimeout, Duration idleTimeout) {
        this(host, port, -1, maxBodySize, requestTimeout, idleTimeout, DEFAULT.maxConnections, DEFAULT.maxRequestLine,
                DEFAULT.maxHeaderSize, DEFAULT.maxHeaderCount, DEFAULT_BUFFER_SIZE);
    }

    public ListenerConfig withPort(int newPort) {
        return new ListenerConfig(host, newPort, httpsPort, maxBodySize, requestTimeout, idleTimeout, maxConnections,
                maxRequestLine, maxHeaderSize, maxHeaderCount, bufferSize);
    }

    public ListenerConfig withHttpsPort(int newPort) {
        return new ListenerConfig(host, port, newPort, maxBodySize, requestTimeout, idleTimeout, maxConnections,
                maxRequestLine, maxHeaderSize, maxHeaderCount, bufferSize);
    }

    public ListenerConfig withHost(String newHost) {
        return new ListenerConfig(newHost, port, httpsPort, maxBodySize, requestTimeout, idleTimeout, maxConnections,
                maxRequestLine, maxHeaderSize, maxHeaderCount, bufferSize);
    }

    public ListenerConfig withRequestTimeout(Duration timeout) {
        return new ListenerConfig(host, port, httpsPort, maxBodySize, timeout, idleTimeout, maxConnections,
                maxRequestLine, maxHeaderSize, maxHeaderCount, bufferSize);
    }

    public ListenerConfig withIdleTimeout(Duration timeout) {
        return new ListenerConfig(host, port, httpsPort, maxBodySize, requestTimeout, timeout, maxConnections,
                maxRequestLine, maxHeaderSize, maxHeaderCount, bufferSize);
    }

    public ListenerConfig withMaxBodySize(long size) {
        return new ListenerConfig(host, port, httpsPort, size, requestTimeout, idleTimeout, maxConnections,
                maxRequestLine, maxHeaderSize, maxHeaderCount, bufferSize);
    }

    /** The same settings with other connection and header limits. */
    public ListenerConfig withLimits(int connections, int requestLine, int headerSize, int headerCount) {
        return new ListenerConfig(host, port, httpsPort, maxBodySize, requestTimeout, idleTimeout, connections,
                requestLine, headerSize, headerCount, bufferSize);
    }
}
