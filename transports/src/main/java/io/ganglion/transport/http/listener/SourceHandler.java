package io.ganglion.transport.http.listener;

import io.ganglion.engine.message.Headers;
import io.ganglion.engine.runtime.ErrorResponses;
import io.ganglion.engine.spi.BodyTooLargeException;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.transport.http.Entity;
import io.ganglion.transport.http.WireHeaders;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncServerExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.ResponseChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HttpCore's side of one client exchange: hands the request to the engine at head time, buffers
 * the body into a {@link SourceBody}, and writes the engine's response without blocking.
 *
 * <p>HttpCore calls the data methods on an I/O thread; {@link #respond} comes from any thread and
 * never holds this handler's monitor while it calls into HttpCore, so the two cannot deadlock.
 * Thread-safe: confined to one exchange; shared state is volatile or atomic.
 */
final class SourceHandler implements AsyncServerExchangeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SourceHandler.class);

    private final HttpListener listener;
    private final AtomicBoolean responded = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();

    private volatile boolean started;
    private volatile ResponseChannel responseChannel;
    private volatile HttpContext context;
    private volatile SourceRequest request;
    private volatile SourceBody body;
    private volatile CapacityChannel capacity;
    private volatile ScheduledFuture<?> timeout;
    /** Response bytes not yet written; read lock-free by {@link #available()}. */
    private volatile ByteBuffer output;

    SourceHandler(HttpListener listener) {
        this.listener = listener;
    }

    /** Marks the responses this listener writes, so HttpCore's own error answers can be told apart. */
    static final class SourceResponse extends BasicHttpResponse {
        private static final long serialVersionUID = 1L;

        SourceResponse(int code) {
            super(code);
        }
    }

    @Override
    public void handleRequest(HttpRequest req, EntityDetails entity, ResponseChannel channel, HttpContext ctx) {
        started = true;
        listener.exchangeStarted();
        responseChannel = channel;
        context = ctx;
        EndpointDetails endpoint = HttpCoreContext.adapt(ctx).getEndpointDetails();
        if (entity != null) {
            body = new SourceBody(entity.getContentLength(), entity.getContentType(), listener.config().maxBodySize());
        }
        ProtocolVersion version = req.getVersion() != null ? req.getVersion() : ctx.getProtocolVersion();
        SourceRequest in = new SourceRequest(req.getMethod(), req.getRequestUri(),
                version == null ? "HTTP/1.1" : version.format(), WireHeaders.fromWire(req),
                body == null ? RawBody.empty() : body,
                endpoint == null ? null : inet(endpoint.getRemoteAddress()),
                endpoint == null ? listener.port() : portOf(endpoint.getLocalAddress()), this);
        request = in;
        timeout = listener.schedule(this::onTimeout, listener.config().requestTimeout());
        try {
            listener.dispatch(in);
        } catch (RuntimeException e) {
            LOG.error("{}: the engine refused the request", in, e);
            respond(ErrorResponses.of(500, 0, "the server could not accept the request", in.headers().get("Accept")));
        }
    }

    // ------------------------------------------------------------------ request body (I/O thread)

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        capacity = channel;
        SourceBody b = body;
        if (b != null) {
            b.updateCapacity(channel);
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        SourceBody b = body;
        if (b == null) {
            src.position(src.limit());
        } else {
            b.consume(src, capacity);
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        SourceBody b = body;
        if (b != null) {
            b.end();
        }
    }

    // ------------------------------------------------------------------ response (any thread)

    /** Answers the client once; later calls are ignored. */
    void respond(OutboundResponse response) {
        if (!responded.compareAndSet(false, true)) {
            LOG.debug("{}: already answered; response dropped", request);
            return;
        }
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
        OutboundBody b = response.body();
        if (b instanceof OutboundBody.Bytes bytes) {
            write(response.status(), response.headers(), bytes.contentType(), bytes.bytes(), bytes.bytes().length);
        } else if (b instanceof OutboundBody.Relay relay) {
            RawBody raw = relay.body();
            // Read whole for now; a streaming relay will pipe it with back-pressure instead.
            raw.readAll(Long.MAX_VALUE).whenComplete((bytes, err) -> {
                if (err == null) {
                    long length = raw.length() < 0 && response.chunked() ? -1 : bytes.length;
                    write(response.status(), response.headers(), raw.contentType(), bytes, length);
                } else {
                    relayFailed(err);
                }
            });
        } else {
            write(response.status(), response.headers(), null, null, 0);
        }
    }

    private void relayFailed(Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        int status = cause instanceof BodyTooLargeException ? 413 : 502;
        LOG.warn("{}: could not read the body to relay: {}", request, cause.toString());
        OutboundResponse r = ErrorResponses.of(status, 0, cause.getMessage(), accept());
        OutboundBody.Bytes bytes = (OutboundBody.Bytes) r.body();
        write(status, r.headers(), bytes.contentType(), bytes.bytes(), bytes.bytes().length);
    }

    private void onTimeout() {
        if (responded.get()) {
            return;
        }
        long ms = listener.config().requestTimeout().toMillis();
        LOG.warn("{}: no response within {} ms; answering 504", request, ms);
        respond(ErrorResponses.of(504, 0, "the server did not answer within " + ms + " ms", accept()));
    }

    private String accept() {
        SourceRequest r = request;
        return r == null ? null : r.headers().get("Accept");
    }

    /**
     * Sends the head and queues the body. {@code length} -1 means chunked; {@code bytes} null
     * means no entity.
     */
    private void write(int status, Headers headers, String contentType, byte[] bytes, long length) {
        int code = status;
        if (code < 200 || code > 999) {
            LOG.warn("{}: invalid response status {}; answering 500", request, status);
            code = 500;
        }
        SourceResponse response = new SourceResponse(code);
        WireHeaders.toWire(headers, response, false);
        SourceBody b = body;
        if (b != null && b.overflowed()) {
            // The rest of an oversized body is drained, not read: do not keep the connection for it.
            response.addHeader("Connection", "close");
        }
        boolean entity = bytes != null && code != 204 && code != 304 && (bytes.length > 0 || length < 0);
        output = entity ? ByteBuffer.wrap(bytes) : null;
        try {
            responseChannel.sendResponse(response, entity ? new Entity(length, contentType) : null, context);
        } catch (HttpException | IOException | RuntimeException e) {
            LOG.debug("{}: could not send the response: {}", request, e.toString());
        }
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
        channel.endStream();
    }

    // ------------------------------------------------------------------ end of exchange

    @Override
    public void failed(Exception cause) {
        responded.set(true);
        SourceBody b = body;
        if (b != null) {
            b.fail(cause);
        }
        LOG.debug("{}: exchange failed: {}", request, cause.toString());
    }

    @Override
    public void releaseResources() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
        SourceBody b = body;
        if (b != null && !b.isDone()) {
            b.fail(new ConnectionClosedException("the client closed the connection before the body was complete"));
        }
        output = null;
        if (started) {
            listener.exchangeEnded();
        }
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a : null;
    }

    private int portOf(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a.getPort() : listener.port();
    }
}
