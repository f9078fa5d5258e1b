package io.ganglion.engine.spi;

import io.ganglion.engine.message.Headers;

/**
 * A backend's response as the sender received it, handed over at head time: the body may still
 * be arriving. The engine reads it ({@link RawBody#readAll}), relays it to the client (streamed by
 * the transports), or discards it; reading a body that broke mid-way fails with a
 * {@link SendFailureException}.
 *
 * @param status HTTP status code
 * @param reason reason phrase, may be empty
 * @param headers response headers as received (Content-Type included, without hop-by-hop headers)
 * @param body the body
 */
public record InboundResponse(int status, String reason, Headers headers, RawBody body) {}
