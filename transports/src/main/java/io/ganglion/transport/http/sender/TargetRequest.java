package io.ganglion.transport.http.sender;

import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.util.Timeout;

/**
 * A request to a backend carrying its response timeout, applied to the connection when HttpCore
 * writes the head (see {@link HttpSender}'s stream listener), and whether that happened: a failure
 * before the head went out belongs to connecting (TCP or TLS handshake), not to the exchange.
 * Thread-safe: the head flag is volatile.
 */
final class TargetRequest extends BasicHttpRequest {
    private static final long serialVersionUID = 1L;

    private final transient Timeout responseTimeout;
    private volatile boolean headWritten;

    TargetRequest(String method, String path, Timeout responseTimeout) {
        super(method, path);
        this.responseTimeout = responseTimeout;
    }

    Timeout responseTimeout() {
        return responseTimeout;
    }

    /** Called on the I/O thread as HttpCore writes the head. */
    void headWritten() {
        headWritten = true;
    }

    boolean isHeadWritten() {
        return headWritten;
    }
}
