package io.ganglion.transport.http.body;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The bytes of a body read whole ({@code readAll}), up to a limit; past it the rest is dropped.
 * The result is a future completed by the caller outside its locks. Not thread-safe:
 * {@link StreamingBody} guards it.
 */
final class Collector {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    final CompletableFuture<byte[]> whole = new CompletableFuture<>();
    private final long limit;
    private byte[] bytes;
    private int size;
    private boolean overflowed;

    /**
     * @param declaredLength the body's declared length (-1 unknown), to size the array once
     * @param first bytes already received
     */
    Collector(long declaredLength, long limit, RelayBuffer first) {
        this.limit = Math.min(limit, MAX_ARRAY);
        int held = first.readable();
        if (declaredLength > this.limit || held > this.limit) {
            overflowed = true;
            first.clear();
            return;
        }
        bytes = new byte[(int) Math.max(held, declaredLength >= 0 ? declaredLength : 8192)];
        size = first.moveTo(bytes, 0);
    }

    long limit() {
        return limit;
    }

    boolean overflowed() {
        return overflowed;
    }

    /** Adds bytes; returns false when they overflowed the limit (the body is dropped from then on). */
    boolean add(ByteBuffer src) {
        int n = src.remaining();
        if (overflowed) {
            src.position(src.limit());
            return true;
        }
        if ((long) size + n > limit) {
            src.position(src.limit());
            overflowed = true;
            bytes = null;
            return false;
        }
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) size + n)));
        }
        src.get(bytes, size, n);
        size += n;
        return true;
    }

    /** The collected bytes, trimmed; null after an overflow. */
    byte[] result() {
        if (overflowed) {
            return null;
        }
        if (size != bytes.length) {
            bytes = Arrays.copyOf(bytes, size);
        }
        return bytes;
    }
}
