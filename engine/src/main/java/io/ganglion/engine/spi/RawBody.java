package io.ganglion.engine.spi;

import java.util.concurrent.CompletionStage;

/**
 * A message body as it arrived on the wire, not yet read by the engine.
 *
 * <p>Transports implement it. A body that nobody reads is relayed untouched by the transport that
 * produced it (pass-through, as {@link OutboundBody.Relay}): the transports then stream it from one
 * connection to the other through a bounded buffer, so it may be much larger than memory.
 * {@link #readAll(long)} is the only way the engine looks inside, and the first use decides:
 * <ul>
 *   <li>once read with {@code readAll}, the bytes are in memory and may be relayed any number of times;
 *   <li>once streamed to a peer, it cannot be read or streamed again, so a flow that sends one unread
 *       body to several places must read it first (its mediators say {@code readsBody()});
 *   <li>a body that will not be used should be {@link #discard discarded}, so the transport can free
 *       the connection it arrives on instead of waiting for a reader.
 * </ul>
 * Thread-safe: may be used from any thread.
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

    /**
     * Nobody will read or relay this body: the transport drops it (draining or closing the
     * connection it arrives on). No effect once the body was read or relayed.
     */
    default void discard() {}

    /** An empty body. */
    static RawBody empty() {
        return Bodies.EMPTY;
    }

    /** A body over bytes already in memory. */
    static RawBody of(byte[] bytes, String contentType) {
        return new Bodies.InMemory(bytes, contentType);
    }
}
