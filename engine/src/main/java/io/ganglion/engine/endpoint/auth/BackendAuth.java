package io.ganglion.engine.endpoint.auth;

import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.Sender;

/**
 * Credentials an {@code http} endpoint adds to its requests ({@code <authentication>}). It sends the
 * request itself, so it may answer a challenge or refresh a token with one more round trip; every
 * other answer, including a final 401, goes to the callback as it is. Thread-safe.
 */
public sealed interface BackendAuth permits BasicAuth, DigestAuth, OAuthGrant {

    /** Sends {@code request} with credentials and reports the final outcome to {@code callback}. */
    void send(MessageContext ctx, OutboundRequest request, Sender sender, SendCallback callback);

    /** A copy of {@code request} with the header set. */
    static OutboundRequest withHeader(OutboundRequest request, String name, String value) {
        Headers headers = request.headers().copy();
        headers.set(name, value);
        return new OutboundRequest(request.method(), request.uri(), headers, request.body(), request.options());
    }
}
