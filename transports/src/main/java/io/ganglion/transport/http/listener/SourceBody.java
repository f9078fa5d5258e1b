package io.ganglion.transport.http.listener;

import io.ganglion.engine.spi.BodyTooLargeException;
import io.ganglion.engine.spi.RawBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.hc.core5.http.nio.CapacityChannel;

/**
 * A request body arriving from a client, buffered in memory as HttpCore delivers it.
 *
 * <p>The I/O thread feeds it ({@link #updateCapacity}, {@link #consume}, {@link #end}, {@link #fail});
 * the engine reads it with {@link #readAll}. Read credit is granted for what was buffered, so the
 * client sends at full speed up to {@code maxSize}; past that the bytes are drained and dropped and
 * the body fails with {@link BodyTooLargeException}. A later streaming relay replaces the buffer
 * with a bounded pipe and grants credit only as the other side drains it.
 * Thread-safe: the buffer is guarded by the body's monitor; the result is a future.
 */
final class SourceBody implements RawBody {

    /** Read credit granted up front and re-granted per chunk consumed. */
    private static final int WINDOW = 64 * 1024;

    private final long declaredLength;
    private final String contentType;
    private final long maxSize;
    private final CompletableFuture<byte[]> whole = new CompletableFuture<>();

    private byte[] buffer;
    private int size;
    private boolean overflow;

    /**
     * @param declaredLength the Content-Length, or -1 when chunked
     * @param contentType the Content-Type, or null
     * @param maxSize the most bytes kept
     */
    SourceBody(long declaredLength, String contentType, long maxSize) {
        this.declaredLength = declaredLength;
        this.contentType = contentType;
        this.maxSize = Math.min(maxSize, Integer.MAX_VALUE - 8);
        int initial = declaredLength >= 0 && declaredLength <= this.maxSize ? (int) declaredLength : 8192;
        this.buffer = new byte[initial];
        if (declaredLength > this.maxSize) {
            overflow = true;
            whole.completeExceptionally(new BodyTooLargeException(maxSize));
        }
    }

    @Override
    public long length() {
        return declaredLength;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public CompletionStage<byte[]> readAll(long limit) {
        if (declaredLength > limit) {
            return CompletableFuture.failedFuture(new BodyTooLargeException(limit));
        }
        return whole.thenCompose(bytes -> bytes.length > limit
                ? CompletableFuture.failedFuture(new BodyTooLargeException(limit))
                : CompletableFuture.completedFuture(bytes));
    }

    /** True once the body was fully received or failed. */
    boolean isDone() {
        return whole.isDone();
    }

    /** True when more bytes arrived than the body may keep. */
    synchronized boolean overflowed() {
        return overflow;
    }

    void updateCapacity(CapacityChannel channel) throws IOException {
        channel.update(WINDOW);
    }

    void consume(ByteBuffer src, CapacityChannel channel) throws IOException {
        int n = src.remaining();
        synchronized (this) {
            if (!overflow && (long) size + n > maxSize) {
                overflow = true;
                buffer = null;
                whole.completeExceptionally(new BodyTooLargeException(maxSize));
            }
            if (overflow) {
                src.position(src.limit());
            } else {
                if (size + n > buffer.length) {
                    int grown = (int) Math.min(maxSize, Math.max((long) buffer.length * 2, (long) size + n));
                    buffer = Arrays.copyOf(buffer, grown);
                }
                src.get(buffer, size, n);
                size += n;
            }
        }
        if (channel != null) {
            channel.update(n);
        }
    }

    void end() {
        byte[] bytes;
        synchronized (this) {
            if (overflow) {
                return;
            }
            bytes = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
            buffer = bytes;
        }
        whole.complete(bytes);
    }

    void fail(Exception cause) {
        whole.completeExceptionally(cause);
    }
}
