package io.ganglion.transport.http.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.spi.BodyTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.junit.jupiter.api.Test;

class StreamingBodyTest {

    private static final int WINDOW = 1024;

    /** Records the read credit granted, as HttpCore's window would. */
    private static final class Credit implements CapacityChannel {
        int granted;

        @Override
        public void update(int increment) {
            granted += increment;
        }
    }

    /** Takes at most {@code room} bytes in all, like a socket with little room. */
    private static final class Wire implements DataStreamChannel {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int room;
        int outputRequests;
        boolean ended;

        Wire(int room) {
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) {
            int n = Math.min(src.remaining(), room);
            room -= n;
            byte[] b = new byte[n];
            src.get(b);
            out.write(b, 0, n);
            return n;
        }

        @Override
        public void requestOutput() {
            outputRequests++;
        }

        @Override
        public void endStream(List<? extends Header> trailers) {
            ended = true;
        }

        @Override
        public void endStream() {
            ended = true;
        }
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    @Test
    void readAllCollectsTheWholeBodyAndGrantsCreditAsItGoes() throws Exception {
        StreamingBody body = new StreamingBody(-1, "text/plain", WINDOW, null);
        Credit credit = new Credit();
        body.capacity(credit);
        CompletableFuture<byte[]> whole = body.readAll(10_000).toCompletableFuture();
        body.consume(ByteBuffer.wrap(bytes(3000, 1)));
        body.consume(ByteBuffer.wrap(bytes(3000, 2)));
        assertFalse(whole.isDone());
        assertEquals(6000, credit.granted, "read whole, the body never holds the sender back");
        body.end(null);
        byte[] got = whole.get();
        assertEquals(6000, got.length);
        assertSame(got, body.readAll(10_000).toCompletableFuture().get(), "the same bytes every time");
        assertFalse(body.attach(() -> { }, false), "a body read whole is no longer streamed");
    }

    @Test
    void bytesThatArrivedBeforeTheReaderAreKept() throws Exception {
        StreamingBody body = new StreamingBody(5, null, WINDOW, null);
        body.consume(ByteBuffer.wrap("hello".getBytes()));
        body.end(null);
        assertEquals("hello", new String(body.readAll(100).toCompletableFuture().get()));
    }

    @Test
    void overTheLimitFailsAndDrainsTheRest() throws Exception {
        StreamingBody declared = new StreamingBody(5000, null, WINDOW, null);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> declared.readAll(4000).toCompletableFuture().get());
        assertTrue(e.getCause() instanceof BodyTooLargeException);

        StreamingBody chunked = new StreamingBody(-1, null, WINDOW, null);
        Credit credit = new Credit();
        chunked.capacity(credit);
        CompletableFuture<byte[]> whole = chunked.readAll(4000).toCompletableFuture();
        for (int i = 0; i < 5; i++) {
            chunked.consume(ByteBuffer.wrap(bytes(1000, i)));
        }
        assertTrue(whole.isCompletedExceptionally());
        assertTrue(chunked.overflowed());
        assertTrue(chunked.droppedEarly());
        assertEquals(5000, credit.granted, "the rest is drained, so the client can finish sending");
    }

    @Test
    void relayHoldsAboutOneWindowAndGrantsOnlyWhatWasDrained() throws Exception {
        AtomicInteger ready = new AtomicInteger();
        StreamingBody body = new StreamingBody(-1, "application/octet-stream", WINDOW, null);
        Credit credit = new Credit();
        body.capacity(credit);
        assertTrue(body.attach(ready::incrementAndGet, false));
        assertFalse(body.attach(() -> { }, false), "claimed once");
        body.consume(ByteBuffer.wrap(bytes(WINDOW, 7)));
        assertEquals(1, ready.get());
        assertEquals(0, credit.granted, "nothing drained yet, no new credit");
        assertEquals(WINDOW, body.available());

        Wire wire = new Wire(300);
        assertFalse(body.drainTo(wire));
        assertEquals(300, credit.granted);
        wire.room = Integer.MAX_VALUE;
        assertFalse(body.drainTo(wire));
        assertEquals(WINDOW, credit.granted);
        body.consume(ByteBuffer.wrap(bytes(10, 9)));
        body.end(List.of(new BasicHeader("X-Checksum", "abc")));
        assertTrue(body.drainTo(wire));
        assertEquals(WINDOW + 10, wire.out.size());
        assertEquals("X-Checksum", body.trailers().get(0).getName());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> body.readAll(1 << 20).toCompletableFuture().get());
        assertTrue(e.getCause().getMessage().contains("already streamed"), e.getCause().getMessage());
    }

    @Test
    void aFailureReachesTheSinkAsAnException() throws Exception {
        StreamingBody body = new StreamingBody(100, null, WINDOW, null);
        AtomicInteger ready = new AtomicInteger();
        body.attach(ready::incrementAndGet, false);
        body.consume(ByteBuffer.wrap(bytes(10, 1)));
        body.fail(new IOException("reset by peer"));
        assertEquals(2, ready.get());
        IOException e = assertThrows(IOException.class, () -> body.drainTo(new Wire(1000)));
        assertTrue(e.getMessage().contains("reset by peer"), e.getMessage());
    }

    @Test
    void discardDropsAnUnclaimedBodyAndRunsTheAbandonHook() throws Exception {
        AtomicInteger abandoned = new AtomicInteger();
        StreamingBody body = new StreamingBody(-1, null, WINDOW, abandoned::incrementAndGet);
        Credit credit = new Credit();
        body.capacity(credit);
        body.consume(ByteBuffer.wrap(bytes(500, 1)));
        body.discard();
        assertEquals(1, abandoned.get());
        assertEquals(500, credit.granted);
        body.consume(ByteBuffer.wrap(bytes(200, 1)));
        assertEquals(700, credit.granted);
        assertTrue(body.droppedEarly());
        body.discard();
        assertEquals(1, abandoned.get(), "once");

        StreamingBody relayed = new StreamingBody(-1, null, WINDOW, abandoned::incrementAndGet);
        relayed.attach(() -> { }, false);
        relayed.discard();
        assertEquals(1, abandoned.get(), "a claimed body is not discarded");
    }

    @Test
    void keptBytesCanBeReplayedUntilCommitted() throws Exception {
        StreamingBody body = new StreamingBody(6, null, WINDOW, null);
        Credit credit = new Credit();
        body.capacity(credit);
        StreamingBody.Sink first = () -> { };
        assertTrue(body.attach(first, true));
        body.consume(ByteBuffer.wrap("abcdef".getBytes()));
        body.end(null);
        Wire attempt1 = new Wire(1000);
        assertTrue(body.drainTo(attempt1));
        assertEquals(0, credit.granted, "kept for a replay");
        StreamingBody.Sink second = () -> { };
        assertTrue(body.rewind(second));
        assertTrue(body.isAttachedTo(second));
        Wire attempt2 = new Wire(1000);
        assertTrue(body.drainTo(attempt2));
        assertEquals("abcdef", attempt2.out.toString());
        body.commit();
        assertEquals(6, credit.granted);
        assertFalse(body.rewind(first), "gone for good once committed");
    }

    @Test
    void aBodyNoneOfWhichLeftCanBeClaimedAgain() throws Exception {
        StreamingBody body = new StreamingBody(3, null, WINDOW, null);
        body.attach(() -> { }, true);
        body.consume(ByteBuffer.wrap("xyz".getBytes()));
        body.end(null);
        body.release();
        assertEquals("xyz", new String(body.readAll(10).toCompletableFuture().get()));
    }
}
