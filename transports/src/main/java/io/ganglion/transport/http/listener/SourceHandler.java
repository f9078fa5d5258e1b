package io.ganglion.transport.http.listener;

import io.ganglion.engine.message.Headers;
import io.ganglion.engine.runtime.ErrorResponses;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.transport.http.Entity;
import io.ganglion.transport.http.WireHeaders;
import io.ganglion.transport.http.body.BodyOutput;
import io.ganglion.transport.http.body.StreamingBody;
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
import org.apache.hc.core5.http.MalformedChunkCodingException;
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
 * HttpCore's side of one client exchange: hands the request to the engine at head time, feeds the
 * request body into a {@link StreamingBody}, and writes the engine's response without blocking,
 * streaming a relayed body from wherever it arrives (the response sink of a pass-through).
 *
 * <p>The request timeout starts once the request is complete. A response written while nobody
 * reads the rest of the request body (or after it overflowed a limit) closes the connection, since
 * the rest of that body is drained rather than read. HttpCore calls the data methods on an I/O thread;
 * {@link #respond} comes from any thread and never holds a lock while it calls into HttpCore.
 * Thread-safe: confined to one exchange; shared state is volatile or atomic.
 */
final class SourceHandler implements AsyncServerExchangeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SourceHandler.class);

    private final HttpListener listener;
    private final AtomicBoolean responded = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();

    private volatile boolean started;
    private volatile boolean head;
    private volatile ResponseChannel responseChannel;
    private volatile HttpContext context;
    private volatile SourceRequest request;
    private volatile StreamingBody body;
    private volatile ScheduledFuture<?> timeout;
    private final BodyOutput out = new BodyOutput();

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
        head = "HEAD".equalsIgnoreCase(req.getMethod());
        HttpCoreContext core = HttpCoreContext.adapt(ctx);
        EndpointDetails endpoint = core.getEndpointDetails();
        String scheme = core.getSSLSession() != null ? "https" : "http";
        if (entity != null) {
            body = new StreamingBody(entity.getContentLength(), entity.getContentType(),
                    listener.config().bufferSize(), null);
        }
        ProtocolVersion version = req.getVersion() != null ? req.getVersion() : ctx.getProtocolVersion();
        InetSocketAddress client = endpoint == null ? null : inet(endpoint.getRemoteAddress());
        Headers headers = WireHeaders.fromWire(req);
        WireHeaders.addForwarded(headers, client, scheme);
        SourceRequest in = new SourceRequest(req.getMethod(), req.getRequestUri(), scheme,
                version == null ? "HTTP/1.1" : version.format(), headers, body == null ? RawBody.empty() : body,
                client, endpoint == null ? listener.port() : portOf(endpoint.getLocalAddress()), this);
        request = in;
        if (body == null) {
            startTimeout();
        }
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
        StreamingBody b = body;
        if (b != null) {
            b.capacity(channel);
        }
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        StreamingBody b = body;
        if (b == null) {
            src.position(src.limit());
        } else {
            b.consume(src);
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        StreamingBody b = body;
        if (b != null) {
            b.end(trailers);
        }
        startTimeout();
    }

    private void startTimeout() {
        if (!responded.get() && timeout == null) {
            timeout = listener.schedule(this::onTimeout, listener.config().requestTimeout());
        }
    }

    // ------------------------------------------------------------------ response (any thread)

    /** Answers the client once; later calls are ignored (a relayed body they carry is discarded). */
    void respond(OutboundResponse response) {
        if (!responded.compareAndSet(false, true)) {
            LOG.debug("{}: already answered; response dropped", request);
            discard(response.body());
            return;
        }
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
        OutboundBody b = response.body();
        if (b instanceof OutboundBody.Bytes bytes) {
            write(response.status(), response.headers(), bytes.contentType(), bytes.bytes(), bytes.bytes().length);
        } else if (b instanceof OutboundBody.Relay r) {
            relay(response, r.body());
        } else {
            write(response.status(), response.headers(), null, null, 0);
        }
    }

    private void relay(OutboundResponse response, RawBody raw) {
        long length = raw.length();
        boolean framable = length >= 0 || response.chunked();
        if (head) {
            // HttpCore writes no body after HEAD; the declared length still goes out.
            raw.discard();
            sendHead(response.status(), response.headers(), new Entity(Math.max(length, 0), raw.contentType()));
        } else if (raw instanceof StreamingBody streaming && framable && out.relay(streaming, false)) {
            sendHead(response.status(), response.headers(), new Entity(length, raw.contentType()));
        } else {
            // Read whole: another kind of body, one read already, or DISABLE_CHUNKING on an unknown length.
            raw.readAll(listener.config().maxBodySize()).whenComplete((bytes, err) -> {
                if (err == null) {
                    long n = length < 0 && response.chunked() ? -1 : bytes.length;
                    write(response.status(), response.headers(), raw.contentType(), bytes, n);
                } else {
                    relayFailed(err);
                }
            });
        }
    }

    private void relayFailed(Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        int status = 502;
        LOG.warn("{}: could not read the body to relay: {}", request, cause.toString());
        OutboundResponse r = ErrorResponses.of(status, 0, "could not read the response body: " + cause.getMessage(),
                accept());
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

    /** Sends the head and queues the bytes. {@code length} -1 means chunked; {@code bytes} null means no entity. */
    private void write(int status, Headers headers, String contentType, byte[] bytes, long length) {
        boolean entity = bytes != null && (bytes.length > 0 || length < 0);
        if (entity && !head) {
            out.bytes(bytes);
        }
        sendHead(status, headers, entity ? new Entity(length, contentType) : null);
    }

    private void sendHead(int status, Headers headers, Entity entity) {
        int code = status;
        if (code < 200 || code > 999) {
            LOG.warn("{}: invalid response status {}; answering 500", request, status);
            code = 500;
        }
        SourceResponse response = new SourceResponse(code);
        WireHeaders.toWire(headers, response, false);
        StreamingBody b = body;
        if (b != null) {
            // Nobody claimed the request body: drop the rest of it.
            b.discard();
            if (b.droppedEarly()) {
                // The rest of the body is drained, not read: do not keep the connection for it.
                response.addHeader("Connection", "close");
            }
        }
        Entity details = code == 204 || code == 304 ? null : entity;
        if (details == null) {
            out.abandon();
        }
        try {
            responseChannel.sendResponse(response, details, context);
        } catch (HttpException | IOException | RuntimeException e) {
            LOG.debug("{}: could not send the response: {}", request, e.toString());
        }
    }

    @Override
    public int available() {
        return out.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        out.produce(channel);
    }

    // ------------------------------------------------------------------ end of exchange

    @Override
    public void failed(Exception cause) {
        responded.set(true);
        StreamingBody b = body;
        if (b != null) {
            b.fail(cause);
        }
        out.abandon();
        if (cause instanceof HttpException || cause instanceof MalformedChunkCodingException) {
            SourceRequest r = request;
            LOG.warn("malformed request from {}: {}; connection closed", r == null ? "?" : r.remoteAddress(),
                    cause.getMessage());
        } else {
            LOG.debug("{}: exchange failed: {}", request, cause.toString());
        }
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
        StreamingBody b = body;
        if (b != null && !b.isComplete()) {
            b.fail(new ConnectionClosedException("the client closed the connection before the body was complete"));
        }
        out.abandon();
        if (started) {
            listener.exchangeEnded();
        }
    }

    private static void discard(OutboundBody body) {
        if (body instanceof OutboundBody.Relay r) {
            r.body().discard();
        }
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a : null;
    }

    private int portOf(SocketAddress address) {
        return address instanceof InetSocketAddress a ? a.getPort() : listener.port();
    }
}
