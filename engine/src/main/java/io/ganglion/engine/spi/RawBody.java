package io.ganglion.engine.spi;

import java.util.concurrent.CompletionStage;

/**
 * A message body as it arrived on the wire, not yet read by the engine.
 *
 * <p>Transports implement it. A body that nobody reads is relayed untouched by the transport that
 * produced it (pass-through); {@link #readAll(long)} is the only way the engine looks inside.
 * Thread-safe: may be read from any thread, once.
 */
public interface RawBody {

    /** The declared length in bytes, or -1 when unknown (chunked). */
    long length();

    /** The Content-Type the body arrived with, or null. */
    String contentType();

    /**
     * Collects the whole body. Completes exceptionally with {@link BodyTooLargeException} when it
     * exceeds {@code limit} bytes. Repeated calls return the same bytes.
     */
    CompletionStage<byte[]> readAll(long limit);

    /** An empty body. */
    static RawBody empty() {
        return Bodies.EMPTY;
    }

    /** A body over bytes already in memory. */
    static RawBody of(byte[] bytes, String contentType) {
        return new Bodies.InMemory(bytes, contentType);
    }
}
