package io.ganglion.transport.http.listener;

import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import java.net.InetSocketAddress;

/**
 * The engine's view of one request received by the {@link HttpListener}.
 * Thread-safe: immutable; {@link #respond} hands over to the exchange's handler.
 */
final class SourceRequest implements InboundExchange {

    private final String method;
    private final String uri;
    private final String scheme;
    private final String protocol;
    private final Headers headers;
    private final RawBody body;
    private final InetSocketAddress remoteAddress;
    private final int localPort;
    private final SourceHandler handler;

    SourceRequest(String method, String uri, String scheme, String protocol, Headers headers, RawBody body,
            InetSocketAddress remoteAddress, int localPort, SourceHandler handler) {
        this.method = method;
        this.uri = uri;
        this.scheme = scheme;
        this.protocol = protocol;
        this.headers = headers;
        this.body = body;
        this.remoteAddress = remoteAddress;
        this.localPort = localPort;
        this.handler = handler;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String scheme() {
        return scheme;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public RawBody body() {
        return body;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public void respond(OutboundResponse response) {
        handler.respond(response);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
