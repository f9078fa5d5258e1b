package io.ganglion.engine.spi;

import io.ganglion.engine.message.Headers;
import java.net.URI;
import java.time.Duration;

/**
 * A request the engine asks a {@link Sender} to deliver to a backend.
 *
 * @param method HTTP method
 * @param uri absolute target URI (scheme, host, port, path, query)
 * @param headers headers to send, excluding hop-by-hop and framing headers and Content-Type (the
 *     body's {@link OutboundBody#contentType()} is sent instead)
 * @param body the body
 * @param options per-request transport options
 */
public record OutboundRequest(String method, URI uri, Headers headers, OutboundBody body, SendOptions options) {

    /** Per-request transport options. A null duration means the sender's configured default. */
    public record SendOptions(Duration responseTimeout, boolean chunked, boolean keepAlive) {
        public static final SendOptions DEFAULT = new SendOptions(null, true, true);
    }
}
