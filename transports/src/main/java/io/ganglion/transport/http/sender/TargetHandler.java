package io.ganglion.transport.http.sender;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.transport.http.Entity;
import io.ganglion.transport.http.WireHeaders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncClientEndpoint;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HttpCore's side of one exchange with a backend: writes the request, collects the response into
 * memory and reports exactly once to the {@link SendCallback}. The pooled connection goes back
 * for reuse only after a clean exchange; on any failure it is discarded.
 * Thread-safe: HttpCore drives it from one I/O thread; the outcome is claimed atomically.
 */
final class TargetHandler implements AsyncClientExchangeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TargetHandler.class);
    private static final int WINDOW = 64 * 1024;

    private final String target;
    private final TargetRequest request;
    private final Entity entity;
    private final SendCallback callback;
    private final long maxBodySize;
    private final boolean keepAlive;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final AtomicBoolean done = new AtomicBoolean();

    private volatile AsyncClientEndpoint endpoint;
    private volatile ByteBuffer output;
    private volatile boolean requestSent;
    private volatile boolean responseStarted;
    private volatile CapacityChannel capacity;

    // Response state: written and read on the connection's I/O thread only.
    private HttpResponse response;
    private String contentType;
    private byte[] buffer;
    private int size;

    /**
     * @param target {@code host:port}, for messages
     * @param entity the request entity, or null for none
     * @param body the request body bytes, or null for none
     */
    TargetHandler(String target, TargetRequest request, Entity entity, byte[] body, SendCallback callback,
            long maxBodySize, boolean keepAlive, Duration connectTimeout, Duration responseTimeout) {
        this.target = target;
        this.request = request;
        this.entity = entity;
        this.output = entity == null ? null : ByteBuffer.wrap(body);
        this.callback = callback;
        this.maxBodySize = maxBodySize;
        this.keepAlive = keepAlive;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    /** The leased connection this exchange runs on; set before HttpCore starts it. */
    void bind(AsyncClientEndpoint leased) {
        this.endpoint = leased;
    }

    /** No connection could be obtained. */
    void connectFailed(Exception cause) {
        fail(SendErrors.connectFailed(target, cause, connectTimeout));
    }

    // ------------------------------------------------------------------ request

    @Override
    public void produceRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
        if (entity == null) {
            requestSent = true;
        }
        channel.sendRequest(request, entity, context);
    }

    @Override
    public int available() {
        ByteBuffer out = output;
        return out == null ? 0 : Math.max(out.remaining(), 1);
    }

    @Override
    public synchronized void produce(DataStreamChannel channel) throws IOException {
        ByteBuffer out = output;
        if (out == null) {
            return;
        }
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                return;
            }
        }
        output = null;
        requestSent = true;
        channel.endStream();
    }

    // ------------------------------------------------------------------ response

    @Override
    public void consumeInformation(HttpResponse info, HttpContext context) {
        // 1xx interim responses (100 Continue) carry nothing the engine needs.
    }

    @Override
    public void consumeResponse(HttpResponse head, EntityDetails details, HttpContext context) {
        responseStarted = true;
        response = head;
        contentType = details != null && details.getContentType() != null ? details.getContentType()
                : head.getFirstHeader("Content-Type") == null ? null : head.getFirstHeader("Content-Type").getValue();
        if (details == null) {
            succeed(new byte[0]);
            return;
        }
        long length = details.getContentLength();
        if (length > maxBodySize) {
            tooLarge();
            return;
        }
        buffer = new byte[length >= 0 ? (int) length : 8192];
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        capacity = channel;
        channel.update(WINDOW);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (done.get() || buffer == null) {
            src.position(src.limit());
            return;
        }
        if ((long) size + n > maxBodySize) {
            src.position(src.limit());
            tooLarge();
            return;
        }
        if (size + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxBodySize, Math.max(buffer.length * 2L, (long) size + n)));
        }
        src.get(buffer, size, n);
        size += n;
        CapacityChannel c = capacity;
        if (c != null) {
            c.update(n);
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        if (buffer == null) {
            return;
        }
        succeed(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }

    private void tooLarge() {
        buffer = null;
        fail(SendErrors.failure(ErrorCode.SND_IO_ERROR_RECEIVING, "the response from " + target
                + " exceeds the limit of " + maxBodySize + " bytes", null));
    }

    // ------------------------------------------------------------------ outcome

    private void succeed(byte[] bytes) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        AsyncClientEndpoint ep = endpoint;
        if (ep != null) {
            // An early answer to a request still being written leaves the connection mid-message.
            if (keepAlive && requestSent) {
                ep.releaseAndReuse();
            } else {
                ep.releaseAndDiscard();
            }
        }
        HttpResponse head = response;
        Headers headers = WireHeaders.fromWire(head);
        String reason = head.getReasonPhrase() == null ? "" : head.getReasonPhrase();
        callback.onResponse(new InboundResponse(head.getCode(), reason, headers, RawBody.of(bytes, contentType)));
    }

    private void fail(SendFailure failure) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        AsyncClientEndpoint ep = endpoint;
        if (ep != null) {
            ep.releaseAndDiscard();
        }
        LOG.debug("send to {} failed: {}", target, failure.message());
        callback.onFailure(failure);
    }

    @Override
    public void failed(Exception cause) {
        if (!request.isHeadWritten()) {
            // The session was handed over before its TLS handshake finished; that is still connecting.
            fail(SendErrors.connectFailed(target, cause, connectTimeout));
        } else {
            fail(SendErrors.exchangeFailed(target, cause, requestSent, responseStarted, responseTimeout));
        }
    }

    @Override
    public void cancel() {
        fail(SendErrors.failure(ErrorCode.CONNECT_CANCEL, "the exchange with " + target + " was cancelled", null));
    }

    @Override
    public void releaseResources() {
        if (!done.get()) {
            failed(new ConnectionClosedException("connection closed"));
        }
        output = null;
    }
}
