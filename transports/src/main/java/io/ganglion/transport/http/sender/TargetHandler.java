package io.ganglion.transport.http.sender;

import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.transport.http.Entity;
import io.ganglion.transport.http.WireHeaders;
import io.ganglion.transport.http.body.BodyOutput;
import io.ganglion.transport.http.body.StreamingBody;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpCore's side of one attempt to deliver a request on one pooled connection: writes the head,
 * then the body (bytes in hand, or a {@link StreamingBody} relayed from the client as it arrives),
 * and hands the response to the engine at head time with a {@link StreamingBody} that the
 * backend's bytes feed as the reader drains it.
 *
 * <p>The connection goes back to the pool after a clean exchange (whole request written, whole
 * response read, both sides willing to keep it); on any failure, or when the reader abandons the
 * response body, it is closed. Failures before the response reach the {@link Delivery}, which may
 * retry once on a fresh connection. Thread-safe: HttpCore drives it from one I/O thread; the
 * outcome is claimed atomically and the relayed bodies are thread-safe.
 */
final class TargetHandler implements AsyncClientExchangeHandler {

    private final Delivery delivery;
    private final TargetPool.Lease lease;
    private final TargetRequest request;
    private final Entity entity;
    private final StreamingBody relay;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    private final BodyOutput out = new BodyOutput();
    private volatile boolean requestSent;
    private volatile boolean responseStarted;
    private volatile StreamingBody responseBody;
    private volatile HttpResponse response;
    private volatile HttpContext context;

    /**
     * @param entity the request entity, or null for none
     * @param bytes the body bytes when the body is in hand, else null
     * @param relay the body streamed from the client, else null
     */
    TargetHandler(Delivery delivery, TargetPool.Lease lease, TargetRequest request, Entity entity, byte[] bytes,
            StreamingBody relay) {
        this.delivery = delivery;
        this.lease = lease;
        this.request = request;
        this.entity = entity;
        this.relay = relay;
        if (entity != null && bytes != null) {
            out.bytes(bytes);
        }
    }

    /** Where the request body is written from; a relayed body is handed to it by {@link Delivery}. */
    BodyOutput output() {
        return out;
    }

    TargetPool.Lease lease() {
        return lease;
    }

    boolean headWritten() {
        return request.isHeadWritten();
    }

    boolean requestSent() {
        return requestSent;
    }

    boolean responseStarted() {
        return responseStarted;
    }

    // ------------------------------------------------------------------ request

    @Override
    public void produceRequest(RequestChannel requestChannel, HttpContext ctx) throws HttpException, IOException {
        context = ctx;
        if (entity == null) {
            requestSent = true;
        }
        requestChannel.sendRequest(request, entity, ctx);
    }

    @Override
    public int available() {
        return requestSent ? 0 : out.available();
    }

    @Override
    public void produce(DataStreamChannel dataChannel) throws IOException {
        if (!requestSent && out.produce(dataChannel)) {
            requestSent = true;
        }
    }

    // ------------------------------------------------------------------ response

    @Override
    public void consumeInformation(HttpResponse info, HttpContext ctx) {
        // 1xx interim responses (100 Continue) carry nothing the engine needs.
    }

    @Override
    public void consumeResponse(HttpResponse head, EntityDetails details, HttpContext ctx) {
        responseStarted = true;
        response = head;
        if (relay != null) {
            relay.commit();
        }
        Header ctHeader = head.getFirstHeader("Content-Type");
        String contentType = details != null && details.getContentType() != null ? details.getContentType()
                : ctHeader == null ? null : ctHeader.getValue();
        StreamingBody body;
        if (details == null) {
            body = StreamingBody.emptyWithLength(headLength(head), contentType);
        } else {
            body = new StreamingBody(details.getContentLength(), contentType, delivery.bufferSize(), this::abort,
                    delivery::bodyFailure);
        }
        responseBody = body;
        if (details == null) {
            finish(true);
        }
        if (done.compareAndSet(false, true)) {
            String reason = head.getReasonPhrase() == null ? "" : head.getReasonPhrase();
            delivery.responded(new InboundResponse(head.getCode(), reason, WireHeaders.fromWire(head), body));
        }
    }

    /** The length a response without a body declared (to HEAD); 0 otherwise. */
    private long headLength(HttpResponse head) {
        Header cl = head.getFirstHeader("Content-Length");
        if (!"HEAD".equalsIgnoreCase(request.getMethod()) || cl == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(cl.getValue().trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void updateCapacity(CapacityChannel capacity) throws IOException {
        StreamingBody b = responseBody;
        if (b != null) {
            b.capacity(capacity);
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        StreamingBody b = responseBody;
        if (b == null) {
            src.position(src.limit());
        } else {
            b.consume(src);
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        // Pooled first: the end reaching the client may bring its next request at once.
        finish(true);
        StreamingBody b = responseBody;
        if (b != null) {
            b.end(trailers);
        }
    }

    /** The response body's reader gave up: close the connection rather than read the rest. */
    private void abort() {
        finish(false);
    }

    /** Gives the connection back (reusable only after a clean, complete exchange). Once. */
    private void finish(boolean clean) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        boolean reusable = clean && requestSent && delivery.keepAlive() && reusable(response);
        delivery.pool().release(lease, reusable, keepAliveOf(response));
        if (!requestSent) {
            // Answered (or failed) before the whole request went out: the rest of the client's body is dropped.
            out.abandon();
        }
    }

    private boolean reusable(HttpResponse head) {
        HttpContext ctx = context;
        return head != null && ctx != null
                && DefaultConnectionReuseStrategy.INSTANCE.keepAlive(request, head, ctx);
    }

    /** The backend's {@code Keep-Alive: timeout=N}, or null. */
    static Duration keepAliveOf(HttpResponse head) {
        Header h = head == null ? null : head.getFirstHeader("Keep-Alive");
        if (h == null) {
            return null;
        }
        for (String part : h.getValue().split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("timeout=")) {
                try {
                    long seconds = Long.parseLong(p.substring(8).trim());
                    // A connection reused right at the deadline may meet the backend's close.
                    return Duration.ofMillis(Math.max(0, seconds * 1000 - 500));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ failure

    @Override
    public void failed(Exception cause) {
        if (done.compareAndSet(false, true)) {
            // First: a retry takes the relayed request body over before this attempt lets go of it.
            delivery.failed(this, cause);
        } else {
            StreamingBody b = responseBody;
            if (b != null) {
                b.fail(cause);
            }
        }
        finish(false);
    }

    @Override
    public void cancel() {
        failed(new ConnectionClosedException("the connection closed before the request could be sent"));
    }

    @Override
    public void releaseResources() {
        StreamingBody b = responseBody;
        if (!done.get() || (b != null && !b.isComplete())) {
            failed(new ConnectionClosedException("the connection closed before the response was complete"));
        }
        finish(false);
    }
}
