package io.ganglion.transport.http.body;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * One outgoing body as HttpCore pulls it: bytes in hand, or a {@link StreamingBody} relayed from
 * another connection as it arrives. The owning exchange handler forwards {@code available()} and
 * {@code produce()} here.
 *
 * <p>HttpCore hands over its {@link DataStreamChannel} only in {@code produce}, and a relay needs it
 * to ask for output when bytes arrive later; so until the first call, {@link #available()} reports
 * one byte to be asked. Thread-safe: the fields are volatile; {@link #produce} runs on the I/O thread
 * of the connection written to, {@link #bodyReady} on any thread.
 */
public final class BodyOutput implements StreamingBody.Sink {

    private volatile ByteBuffer bytes;
    private volatile StreamingBody relay;
    private volatile DataStreamChannel channel;

    /** Writes {@code body} (may be empty). */
    public void bytes(byte[] body) {
        bytes = ByteBuffer.wrap(body);
    }

    /** Relays {@code body}; false when it cannot be claimed (already read, relayed or discarded). */
    public boolean relay(StreamingBody body, boolean keepForReplay) {
        if (!body.attach(this, keepForReplay)) {
            return false;
        }
        relay = body;
        return true;
    }

    /** Takes over a relay another output was claimed for (a retried attempt); false if it cannot be replayed. */
    public boolean replay(StreamingBody body) {
        if (!body.rewind(this)) {
            return false;
        }
        relay = body;
        return true;
    }

    /** The relayed body, or null. */
    public StreamingBody relayed() {
        return relay;
    }

    public int available() {
        ByteBuffer b = bytes;
        if (b != null) {
            return Math.max(b.remaining(), 1);
        }
        StreamingBody r = relay;
        if (r == null) {
            return 0;
        }
        return channel == null ? 1 : r.available();
    }

    /**
     * Writes what can be written now; returns true once the body ended (the stream was ended, with
     * the relayed body's trailers). Throws when a relayed body failed, so HttpCore aborts the exchange.
     */
    public synchronized boolean produce(DataStreamChannel dataChannel) throws IOException {
        channel = dataChannel;
        ByteBuffer b = bytes;
        if (b != null) {
            while (b.hasRemaining()) {
                if (dataChannel.write(b) == 0) {
                    return false;
                }
            }
            bytes = null;
            dataChannel.endStream();
            return true;
        }
        StreamingBody r = relay;
        if (r != null && r.drainTo(dataChannel)) {
            relay = null;
            dataChannel.endStream(r.trailers());
            return true;
        }
        return false;
    }

    @Override
    public void bodyReady() {
        DataStreamChannel c = channel;
        if (c != null) {
            c.requestOutput();
        }
    }

    /** Gives up: a relay still streaming here is abandoned; bytes are dropped. */
    public void abandon() {
        bytes = null;
        StreamingBody r = relay;
        relay = null;
        if (r != null && r.isAttachedTo(this)) {
            r.abandon();
        }
    }
}
