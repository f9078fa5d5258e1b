package io.ganglion.engine.spi;

import io.ganglion.engine.message.Headers;
import java.net.InetSocketAddress;

/**
 * One request received by a listener, and the channel to answer it.
 *
 * <p>Implemented by transports. {@link #respond} may be called from any thread, exactly once;
 * later calls are ignored by the engine before they reach the transport.
 */
public interface InboundExchange {

    /** HTTP method, upper case. */
    String method();

    /** The request target as received: path plus optional {@code ?query}, still percent-encoded. */
    String uri();

    /** {@code http} or {@code https}. */
    String scheme();

    /** Protocol version, e.g. {@code HTTP/1.1}. */
    String protocol();

    /**
     * Request headers as received, Content-Type included, without hop-by-hop headers; the engine
     * may read but not modify them.
     */
    Headers headers();

    /** The request body; {@link RawBody#empty()} when there is none. */
    RawBody body();

    /** The client's address. */
    InetSocketAddress remoteAddress();

    /** The listener's port this request came in on. */
    int localPort();

    /** Sends the response. Called once per exchange, from any thread. */
    void respond(OutboundResponse response);
}
