package io.ganglion.engine.spi;

import io.ganglion.engine.message.Headers;

/**
 * A backend's response as the sender received it; the body is not yet read.
 *
 * @param status HTTP status code
 * @param reason reason phrase, may be empty
 * @param headers response headers as received (Content-Type included, without hop-by-hop headers)
 * @param body the body
 */
public record InboundResponse(int status, String reason, Headers headers, RawBody body) {}
