package io.ganglion.engine.endpoint.auth;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.Sender;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic authentication (RFC 7617): every request carries the credentials; a 401 (wrong
 * password) reaches the client as it is.
 *
 * <pre>{@code
 * <authentication><basicAuth><username>u</username><password>${env:PW}</password></basicAuth></authentication>
 * }</pre>
 * Thread-safe: immutable.
 */
public record BasicAuth(Secret username, Secret password) implements BackendAuth {

    /** The Authorization header value. */
    public String header() {
        String pair = username.value() + ":" + password.value();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(MessageContext ctx, OutboundRequest request, Sender sender, SendCallback callback) {
        sender.send(BackendAuth.withHeader(request, "Authorization", header()), callback);
    }
}
