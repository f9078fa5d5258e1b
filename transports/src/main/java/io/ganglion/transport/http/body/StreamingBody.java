package io.ganglion.transport.http.body;

import io.ganglion.engine.spi.BodyTooLargeException;
import io.ganglion.engine.spi.RawBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A body arriving on one HttpCore connection, read by the engine or streamed to another connection.
 *
 * <p>The receiving side ({@link #capacity}, {@link #consume}, {@link #end}, {@link #fail}) runs on
 * the I/O thread of the connection the bytes come from. The first reader decides what happens:
 * <ul>
 *   <li>{@link #readAll} collects the whole body (up to its limit) for mediation;
 *   <li>{@link #attach} streams it to a {@link Sink} (pass-through): bytes go through a
 *       {@link RelayBuffer} of about one window, and read credit is granted to the sender only as
 *       the sink drains, so memory per body stays bounded whatever its size;
 *   <li>{@link #discard} drops it, granting credit so the peer can finish sending.
 * </ul>
 * Until then at most one window of bytes waits here, with no further credit.
 *
 * <p>Credit accounting: HttpCore starts with a window equal to {@code window} (the transports
 * configure {@code Http1Config.initialWindowSize} with the same value); every byte freed here is
 * granted back, so bytes held plus credit outstanding never exceed the window (plus the one read
 * HttpCore may deliver past it).
 *
 * <p>Thread-safe: state is guarded by this object's monitor, which is never held while calling
 * into HttpCore or completing futures, except {@link DataStreamChannel#write} on the sink's own
 * I/O thread.
 */
public final class StreamingBody implements RawBody {

    /** Where a relayed body goes: told (from any thread) that bytes, the end or a failure are ready. */
    public interface Sink {
        void bodyReady();
    }

    private enum Mode { OPEN, BUFFER, RELAY, DISCARD }

    private final long declaredLength;
    private final boolean lengthOnly;
    private final String contentType;
    private final int window;
    private final Runnable onAbandon;
    private final UnaryOperator<Exception> failureView;

    private Mode mode = Mode.OPEN;
    private final RelayBuffer buffer;
    private Collector collector;
    private boolean retain;
    private boolean sentForGood;
    private int owed;
    private CapacityChannel capacity;
    private boolean ended;
    private List<? extends Header> trailers;
    private Exception failure;
    private Sink sink;

    /**
     * @param declaredLength the Content-Length, or -1 when chunked
     * @param contentType the Content-Type, or null
     * @param window the relay window: bytes held before the sender must wait
     * @param onAbandon run (once, on the thread giving up) when a reader abandons the body half-read,
     *     e.g. to close a backend connection rather than drain it; may be null
     */
    public StreamingBody(long declaredLength, String contentType, int window, Runnable onAbandon) {
        this(declaredLength, contentType, window, onAbandon, UnaryOperator.identity());
    }

    /**
     * @param failureView turns a failure or an overflow into what {@link #readAll} reports, e.g. a
     *     {@code SendFailureException} for a backend's response
     */
    public StreamingBody(long declaredLength, String contentType, int window, Runnable onAbandon,
            UnaryOperator<Exception> failureView) {
        this(declaredLength, false, contentType, window, onAbandon, failureView);
    }

    private StreamingBody(long declaredLength, boolean lengthOnly, String contentType, int window, Runnable onAbandon,
            UnaryOperator<Exception> failureView) {
        this.declaredLength = declaredLength;
        this.lengthOnly = lengthOnly;
        this.contentType = contentType;
        this.window = window;
        this.onAbandon = onAbandon;
        this.failureView = failureView;
        long initial = declaredLength >= 0 && !lengthOnly ? Math.min(declaredLength, window) : Math.min(8192, window);
        this.buffer = new RelayBuffer((int) initial);
    }

    /** A complete, empty body with the length its head declared (the answer to HEAD). */
    public static StreamingBody emptyWithLength(long declaredLength, String contentType) {
        StreamingBody b = new StreamingBody(declaredLength, true, contentType, 256, null, UnaryOperator.identity());
        b.end(null);
        return b;
    }

    @Override
    public long length() {
        return declaredLength;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    // ------------------------------------------------------------------ receiving side (I/O thread)

    /** HttpCore's channel to grant read credit on; pays what is owed. */
    public void capacity(CapacityChannel channel) {
        int grant;
        synchronized (this) {
            capacity = channel;
            grant = takeOwed();
        }
        grant(channel, grant);
    }

    /** Takes bytes HttpCore read from the wire. */
    public void consume(ByteBuffer src) {
        int n = src.remaining();
        CapacityChannel channel;
        int grant;
        Sink notify = null;
        CompletableFuture<byte[]> overflow = null;
        long limit = 0;
        synchronized (this) {
            switch (mode) {
                case OPEN -> buffer.append(src);
                case RELAY -> {
                    buffer.append(src);
                    notify = sink;
                }
                case BUFFER -> {
                    owed += n;
                    if (!collector.add(src)) {
                        overflow = collector.whole;
                        limit = collector.limit();
                    }
                }
                case DISCARD -> {
                    src.position(src.limit());
                    owed += n;
                }
            }
            channel = capacity;
            grant = channel == null ? 0 : takeOwed();
        }
        grant(channel, grant);
        if (overflow != null) {
            overflow.completeExceptionally(failureView.apply(new BodyTooLargeException(limit)));
        }
        if (notify != null) {
            notify.bodyReady();
        }
    }

    /** The body is complete. */
    public void end(List<? extends Header> trailerList) {
        Sink notify;
        CompletableFuture<byte[]> whole = null;
        byte[] bytes = null;
        synchronized (this) {
            if (ended || failure != null) {
                return;
            }
            ended = true;
            trailers = trailerList;
            if (mode == Mode.BUFFER && !collector.overflowed()) {
                whole = collector.whole;
                bytes = collector.result();
            }
            notify = mode == Mode.RELAY ? sink : null;
        }
        if (whole != null) {
            whole.complete(bytes);
        }
        if (notify != null) {
            notify.bodyReady();
        }
    }

    /** The body will not complete: the connection failed or closed early. Ignored once complete. */
    public void fail(Exception cause) {
        Sink notify;
        Collector c;
        synchronized (this) {
            if (ended || failure != null) {
                return;
            }
            failure = cause;
            c = mode == Mode.BUFFER ? collector : null;
            notify = mode == Mode.RELAY ? sink : null;
        }
        if (c != null) {
            c.whole.completeExceptionally(failureView.apply(cause));
        }
        if (notify != null) {
            notify.bodyReady();
        }
    }

    /** True once every byte arrived. */
    public synchronized boolean isComplete() {
        return ended;
    }

    /** True when a reader's limit was exceeded and the rest of the body was dropped. */
    public synchronized boolean overflowed() {
        return collector != null && collector.overflowed();
    }

    /** True when the body was dropped before it was complete, or overflowed. */
    public synchronized boolean droppedEarly() {
        return (mode == Mode.DISCARD && !ended) || (collector != null && collector.overflowed());
    }

    // ------------------------------------------------------------------ readers

    @Override
    public CompletionStage<byte[]> readAll(long limit) {
        CompletableFuture<byte[]> result;
        CapacityChannel channel;
        int grant;
        boolean fresh = false;
        synchronized (this) {
            if (mode == Mode.RELAY || mode == Mode.DISCARD) {
                return CompletableFuture.failedFuture(new IOException(
                        "the body was already " + (mode == Mode.RELAY ? "streamed to a peer" : "discarded")
                                + "; a flow that reads it must say so before sending it"));
            }
            if (mode == Mode.OPEN) {
                mode = Mode.BUFFER;
                owed += buffer.readable();
                collector = new Collector(lengthOnly ? -1 : declaredLength, limit, buffer);
                fresh = true;
            }
            result = collector.whole;
            channel = capacity;
            grant = channel == null ? 0 : takeOwed();
        }
        grant(channel, grant);
        if (fresh) {
            settle();
        }
        return result.thenCompose(bytes -> bytes.length > limit
                ? CompletableFuture.failedFuture(failureView.apply(new BodyTooLargeException(limit)))
                : CompletableFuture.completedFuture(bytes));
    }

    /** Completes a new collector's future when the body overflowed, failed or ended before it existed. */
    private void settle() {
        Collector c;
        Exception failed;
        byte[] bytes = null;
        boolean overflowed;
        synchronized (this) {
            c = collector;
            failed = failure;
            overflowed = c.overflowed();
            if (ended && !overflowed) {
                bytes = c.result();
            }
        }
        if (overflowed) {
            c.whole.completeExceptionally(failureView.apply(new BodyTooLargeException(c.limit())));
        } else if (failed != null) {
            c.whole.completeExceptionally(failureView.apply(failed));
        } else if (bytes != null) {
            c.whole.complete(bytes);
        }
    }

    /**
     * Claims the body for streaming to {@code target}; false if it was already read, claimed or
     * discarded. With {@code keepForReplay}, drained bytes are kept (up to half a window) so that a
     * failed attempt can {@link #rewind} and send them again.
     */
    public synchronized boolean attach(Sink target, boolean keepForReplay) {
        if (mode != Mode.OPEN) {
            return false;
        }
        mode = Mode.RELAY;
        sink = target;
        retain = keepForReplay;
        return true;
    }

    /** True while this body is streamed to {@code target}. */
    public synchronized boolean isAttachedTo(Sink target) {
        return mode == Mode.RELAY && sink == target;
    }

    /** Bytes the sink may drain now, or 1 when only the end (or a failure) is left to report. */
    public synchronized int available() {
        if (mode != Mode.RELAY) {
            return 0;
        }
        int n = buffer.readable();
        return n > 0 ? n : (ended || failure != null ? 1 : 0);
    }

    /**
     * Writes what is buffered to {@code channel}, granting the freed space back to the sender.
     * Returns true once the whole body was written: the caller then ends the stream with
     * {@link #trailers()}. Throws when the body failed, so HttpCore aborts the sink's exchange.
     */
    public boolean drainTo(DataStreamChannel channel) throws IOException {
        CapacityChannel credit;
        int grant;
        boolean done;
        synchronized (this) {
            if (mode != Mode.RELAY) {
                throw new IOException("the body is no longer streamed here");
            }
            if (failure != null) {
                throw new IOException("the body being relayed failed: " + failure.getMessage(), failure);
            }
            buffer.drainTo(channel);
            // Keeping bytes for a replay must not stall a body larger than half the window.
            if (retain && buffer.readable() == 0 && !ended && buffer.held() >= window / 2) {
                retain = false;
            }
            if (!retain) {
                releaseDrained();
            }
            done = ended && buffer.readable() == 0;
            credit = capacity;
            grant = credit == null ? 0 : takeOwed();
        }
        grant(credit, grant);
        return done;
    }

    /** The trailers the body ended with, or null. */
    public synchronized List<? extends Header> trailers() {
        return trailers;
    }

    /** Stops keeping drained bytes for a replay (the attempt got an answer). */
    public void commit() {
        CapacityChannel credit;
        int grant;
        synchronized (this) {
            if (!retain) {
                return;
            }
            retain = false;
            if (mode == Mode.RELAY) {
                releaseDrained();
            }
            credit = capacity;
            grant = credit == null ? 0 : takeOwed();
        }
        grant(credit, grant);
    }

    /**
     * Hands the body to {@code next} from the start again, for a retried attempt; false when bytes
     * already left for good (the body is then no longer replayable).
     */
    public synchronized boolean rewind(Sink next) {
        if (mode != Mode.RELAY || sentForGood) {
            return false;
        }
        buffer.rewind();
        sink = next;
        return true;
    }

    /**
     * The relay ends without having sent the body (e.g. no connection could be made): if none of
     * it left for good, another send may claim it again; otherwise it is abandoned.
     */
    public void release() {
        synchronized (this) {
            if (mode != Mode.RELAY) {
                return;
            }
            if (!sentForGood) {
                buffer.rewind();
                mode = Mode.OPEN;
                sink = null;
                retain = false;
                return;
            }
        }
        abandon();
    }

    /** The sink cannot take the rest: drop it; the owner drains or closes its connection. */
    public void abandon() {
        if (drop(true)) {
            run(onAbandon);
        }
    }

    /** Nobody will read this body: drop it unless a reader already claimed it. */
    @Override
    public void discard() {
        if (drop(false) && !isComplete()) {
            run(onAbandon);
        }
    }

    private boolean drop(boolean evenIfRelayed) {
        CapacityChannel credit;
        int grant;
        synchronized (this) {
            if (mode != Mode.OPEN && !(evenIfRelayed && mode == Mode.RELAY)) {
                return false;
            }
            mode = Mode.DISCARD;
            sink = null;
            owed += buffer.clear();
            credit = capacity;
            grant = credit == null ? 0 : takeOwed();
        }
        grant(credit, grant);
        return true;
    }

    // ------------------------------------------------------------------ helpers (hold the monitor)

    private void releaseDrained() {
        int freed = buffer.releaseDrained();
        if (freed > 0) {
            sentForGood = true;
            owed += freed;
        }
    }

    private int takeOwed() {
        int g = owed;
        owed = 0;
        return g;
    }

    private static void grant(CapacityChannel channel, int n) {
        if (channel != null && n > 0) {
            try {
                channel.update(n);
            } catch (IOException e) {
                // The connection is closing; its own failure reaches the handler.
            }
        }
    }

    private static void run(Runnable r) {
        if (r != null) {
            r.run();
        }
    }
}
