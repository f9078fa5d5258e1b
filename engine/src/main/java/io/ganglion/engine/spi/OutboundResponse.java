package io.ganglion.engine.spi;

import io.ganglion.engine.message.Headers;

/**
 * A response the engine sends back to a client.
 *
 * @param status HTTP status code
 * @param headers response headers, excluding hop-by-hop and framing headers and Content-Type (the
 *     transport writes framing itself and Content-Type from the body's {@code contentType()})
 * @param body the body
 * @param chunked false when the transport must send Content-Length (DISABLE_CHUNKING)
 */
public record OutboundResponse(int status, Headers headers, OutboundBody body, boolean chunked) {

    /** A response with a small text body, used for errors the engine produces itself. */
    public static OutboundResponse of(int status, String contentType, byte[] body) {
        return new OutboundResponse(status, new Headers(), new OutboundBody.Bytes(body, contentType), false);
    }
}
