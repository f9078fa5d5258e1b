package io.ganglion.transport.http.body;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * The bytes of one relayed body between the connection that receives them and the one that sends
 * them on: a linear buffer with a read position and, while a replay may still be needed, a mark
 * before which drained bytes are kept.
 *
 * <p>It grows only past what the receiving side was allowed to send (HttpCore may deliver one
 * decoder buffer beyond the granted window), so its size stays near the relay window.
 * Not thread-safe: {@link StreamingBody} guards it.
 */
final class RelayBuffer {

    private byte[] bytes;
    private ByteBuffer view;
    private int mark;
    private int read;
    private int write;

    RelayBuffer(int initialCapacity) {
        bytes = new byte[Math.max(initialCapacity, 256)];
        view = ByteBuffer.wrap(bytes);
    }

    /** Bytes received and not yet drained. */
    int readable() {
        return write - read;
    }

    /** Bytes held: drained-but-kept plus readable. */
    int held() {
        return write - mark;
    }

    void append(ByteBuffer src) {
        int n = src.remaining();
        if (write + n > bytes.length) {
            makeRoom(n);
        }
        src.get(bytes, write, n);
        write += n;
    }

    /** Writes readable bytes to {@code channel} until it takes no more; returns the count written. */
    int drainTo(DataStreamChannel channel) throws IOException {
        int total = 0;
        while (read < write) {
            view.limit(write).position(read);
            int n = channel.write(view);
            if (n <= 0) {
                break;
            }
            read += n;
            total += n;
        }
        return total;
    }

    /** Forgets bytes drained before the read position; returns how many were freed. */
    int releaseDrained() {
        int freed = read - mark;
        mark = read;
        if (mark == write) {
            mark = 0;
            read = 0;
            write = 0;
        }
        return freed;
    }

    /** Moves the read position back to the mark, so the kept bytes are drained again. */
    void rewind() {
        read = mark;
    }

    /** Copies the readable bytes to {@code target} at {@code offset} and empties the buffer. */
    int moveTo(byte[] target, int offset) {
        int n = write - read;
        System.arraycopy(bytes, read, target, offset, n);
        clear();
        return n;
    }

    /** Drops everything; returns how many bytes were held. */
    int clear() {
        int held = write - mark;
        mark = 0;
        read = 0;
        write = 0;
        return held;
    }

    private void makeRoom(int n) {
        int held = write - mark;
        if (mark > 0 && held + n <= bytes.length) {
            System.arraycopy(bytes, mark, bytes, 0, held);
        } else {
            byte[] grown = new byte[Math.max(bytes.length * 2, held + n)];
            System.arraycopy(bytes, mark, grown, 0, held);
            bytes = grown;
            view = ByteBuffer.wrap(bytes);
        }
        read -= mark;
        write -= mark;
        mark = 0;
    }
}
