package io.ganglion.engine.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** In-memory {@link RawBody} implementations. */
final class Bodies {

    static final RawBody EMPTY = new InMemory(new byte[0], null);

    private Bodies() {}

    /** A body held in a byte array. Thread-safe: immutable. */
    record InMemory(byte[] bytes, String contentType) implements RawBody {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public CompletionStage<byte[]> readAll(long limit) {
            if (bytes.length > limit) {
                return CompletableFuture.failedFuture(new BodyTooLargeException(limit));
            }
            return CompletableFuture.completedFuture(bytes);
        }
    }
}
