package io.ganglion.engine;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.Endpoints;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.mediator.Continuation;
import io.ganglion.engine.mediator.FaultHandler;
import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.PayloadException;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.proxy.ProxyService;
import io.ganglion.engine.rest.Dispatch;
import io.ganglion.engine.rest.Lifecycle;
import io.ganglion.engine.runtime.ErrorResponses;
import io.ganglion.engine.runtime.Exchange;
import io.ganglion.engine.runtime.MediationFlow;
import io.ganglion.engine.runtime.MediationRuntime;
import io.ganglion.engine.spi.BodyTooLargeException;
import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.spi.SendFailureException;
import io.ganglion.engine.spi.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mediation engine: takes requests from a listener, dispatches them to a proxy, an API
 * resource or the main sequence, runs the sequences, sends through endpoints, mediates responses
 * and answers the client. Thread-safe: holds no per-message state; mediation runs on the worker
 * executor, never on the transport's I/O threads.
 *
 * <p>This is the one class that sees a request's whole life, which is why it is long; the parts that
 * stand alone live beside it: {@link InboundMessages} (request to message), {@link ClientResponses}
 * (message to response), {@link Fault} (classifying failures) and {@link WorkerTask} (deferring
 * sends to the end of a worker task).
 */
public final class Engine implements MediationRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final String SERVICES = "/services/";


    private final Supplier<Configuration> configs;
    private final Sender sender;
    private final Executor workers;
    private final Clock clock;
    private final long bodyLimit;

    /**
     * @param configs the current configuration snapshot (read once per request)
     * @param sender the transport that reaches backends
     * @param workers runs mediation; must not be a transport I/O thread
     * @param clock time source
     * @param bodyLimit the most bytes of a body the engine buffers to build it
     */
    public Engine(Supplier<Configuration> configs, Sender sender, Executor workers, Clock clock, long bodyLimit) {
        this.configs = configs;
        this.sender = sender;
        this.workers = workers;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
    }

    /** The transport sender endpoints use. */
    public Sender sender() {
        return sender;
    }

    @Override
    public Executor workers() {
        return workers;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ requests

    /** Accepts a request from a listener; returns at once. Callable from an I/O thread. */
    public void accept(InboundExchange inbound) {
        try {
            workers.execute(() -> task(() -> onRequest(inbound)));
        } catch (RejectedExecutionException e) {
            inbound.respond(ErrorResponses.of(503, 0, "the server is shutting down or overloaded",
                    inbound.headers().get("Accept")));
        }
    }

    private void onRequest(InboundExchange in) {
        Configuration cfg = configs.get();
        MessageContext ctx = new MessageContext(cfg, this, new Exchange(in));
        try {
            InboundMessages.init(ctx, in, bodyLimit);
            route(ctx, in, cfg);
        } catch (Throwable t) {
            fault(ctx, t);
            finishSegment(ctx);
        }
    }

    private void route(MessageContext ctx, InboundExchange in, Configuration cfg) {
        String uri = in.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        if (path.startsWith(SERVICES)) {
            routeProxy(ctx, in, cfg, path, query);
            return;
        }
        String host = InboundMessages.hostOf(in.headers().get("Host"));
        Dispatch d = cfg.apiDispatcher().dispatch(ctx, in.method(), path, query, host, in.localPort());
        if (d instanceof Dispatch.Matched m) {
            ctx.setFlow(m.resource());
            startFlow(ctx, m.resource().inSequence(), null);
        } else if (d instanceof Dispatch.NoResource nr) {
            Mediator mismatch = cfg.sequence(Configuration.RESOURCE_MISMATCH);
            if (mismatch != null) {
                startFlow(ctx, mismatch, null);
            } else {
                respondError(ctx, 404, 0, "no resource of API '" + nr.api().name() + "' matches "
                        + in.method() + " " + path);
                endActivity(ctx);
            }
        } else if (d instanceof Dispatch.MethodNotAllowed mna) {
            OutboundResponse r = ErrorResponses.of(405, 0, "method " + in.method() + " is not allowed on " + path,
                    in.headers().get("Accept"));
            r.headers().set("Allow", String.join(", ", mna.allowed()));
            ctx.exchange().respond(r);
            endActivity(ctx);
        } else if (d instanceof Dispatch.Blocked b) {
            respondError(ctx, 503, Lifecycle.BLOCKED_ERROR_CODE, "API blocked: API '" + b.api().name()
                    + "' has been blocked temporarily; try again later or contact the administrators");
            endActivity(ctx);
        } else if (d instanceof Dispatch.NotServed ns) {
            respondError(ctx, 404, 0, "API '" + ns.api().name() + "' is " + ns.api().lifecycle() + " and not served");
            endActivity(ctx);
        } else if (d instanceof Dispatch.Options o) {
            Headers h = new Headers().set("Allow", String.join(", ", o.allowed()));
            ctx.exchange().respond(new OutboundResponse(200, h, OutboundBody.NONE, false));
            endActivity(ctx);
        } else {
            Mediator main = cfg.sequence(Configuration.MAIN);
            if (main == null) {
                respondError(ctx, 404, 0, "no API or proxy service matches " + path);
                endActivity(ctx);
            } else {
                startFlow(ctx, main, null);
            }
        }
    }

    private void routeProxy(MessageContext ctx, InboundExchange in, Configuration cfg, String path, String query) {
        String rest = path.substring(SERVICES.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String postfix = slash < 0 ? "" : rest.substring(slash);
        ProxyService proxy = cfg.proxy(name);
        if (proxy == null || !proxy.transports().contains(in.scheme()) || !proxy.startOnLoad()) {
            // A proxy deployed with startOnLoad="false" is loaded and validated but stopped, as in Synapse.
            respondError(ctx, 404, 0, "no proxy service named '" + name + "' is running on " + in.scheme());
            endActivity(ctx);
            return;
        }
        if (query != null && query.equalsIgnoreCase("wsdl") && in.method().equals("GET")) {
            if (proxy.wsdl() == null) {
                respondError(ctx, 404, 0, "proxy service '" + name + "' publishes no WSDL");
            } else {
                ctx.exchange().respond(OutboundResponse.of(200, "text/xml; charset=UTF-8",
                        proxy.wsdl().getBytes(StandardCharsets.UTF_8)));
            }
            endActivity(ctx);
            return;
        }
        ctx.setProperty(StandardProperties.PROXY_NAME, name);
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, query == null ? postfix : postfix + "?" + query);
        ctx.setFlow(proxy);
        startFlow(ctx, proxy.inSequence(), proxy.endpoint());
    }

    /** Runs a flow's request side: its in sequence, then (proxies) a send to its target endpoint. */
    private void startFlow(MessageContext ctx, Mediator in, Endpoint target) {
        pushFaultSequence(ctx);
        Mediator m;
        if (target == null) {
            m = in;
        } else {
            Mediator sendToTarget = new TargetSend(target);
            m = in == null ? sendToTarget : new ListMediator(List.of(in, sendToTarget));
        }
        if (m == null) {
            endActivity(ctx);
            return;
        }
        whenBodyReady(ctx, m.readsBody(), () -> runSegment(ctx, m));
    }

    /** The implicit send to a proxy's target endpoint after its in sequence. */
    private record TargetSend(Endpoint endpoint) implements Mediator {
        @Override
        public boolean mediate(MessageContext ctx) {
            ctx.runtime().send(ctx, endpoint, null);
            return true;
        }

        @Override
        public boolean readsBody() {
            return endpoint.readsBody();
        }
    }

    private static void pushFaultSequence(MessageContext ctx) {
        MediationFlow flow = ctx.flow();
        Mediator fs = flow != null && flow.faultSequence() != null ? flow.faultSequence()
                : ctx.config().sequence(Configuration.FAULT);
        if (fs != null) {
            ctx.pushFaultHandler(FaultHandler.of(fs));
        }
    }

    private void runSegment(MessageContext ctx, Mediator m) {
        try {
            m.mediate(ctx);
        } catch (Throwable t) {
            fault(ctx, t);
        }
        finishSegment(ctx);
    }

    /** Ends a stretch of mediation; the sends it started go out when its worker task ends. */
    private void finishSegment(MessageContext ctx) {
        endActivity(ctx);
    }

    /** Runs one worker task; the sends it makes start when its mediation is over. */
    private void task(Runnable work) {
        WorkerTask.run(work, (owner, failure) -> {
            // The send never started: fault the message and end the activity it had begun.
            fault(owner, failure);
            endActivity(owner);
        });
    }

    /** Starts {@code send} when the current worker task's mediation is over (at once outside one). */
    private void deferSend(MessageContext ctx, Runnable send) {
        WorkerTask.defer(ctx, send);
    }

    /** One activity of the exchange ended; if it was the last and nobody answered, answer now. */
    private void endActivity(MessageContext ctx) {
        Exchange ex = ctx.exchange();
        if (!ex.end()) {
            return;
        }
        if (!ex.isResponded()) {
            Fault fs = (Fault) ctx.getProperty(Fault.KEY);
            if (fs != null) {
                respondError(ctx, fs.status(), fs.code(), fs.message());
            } else {
                // Nothing answered (e.g. <drop/> on a request): 202, as Synapse's FORCE_SC_ACCEPTED, not a hang.
                ex.respond(new OutboundResponse(202, new Headers(), OutboundBody.NONE, false));
            }
        }
        // Streamed response bodies the flow dropped would otherwise hold their backend connections.
        ex.discardUnused();
    }

    /** Reads the body ahead when the next mediation needs it, so workers never wait on the network. */
    private void whenBodyReady(MessageContext ctx, boolean needsBody, Runnable next) {
        RawBody raw = ctx.payload().raw();
        if (!needsBody || raw == null || raw.length() == 0) {
            next.run();
            return;
        }
        CompletableFuture<byte[]> f = raw.readAll(bodyLimit).toCompletableFuture();
        if (f.isDone() && !f.isCompletedExceptionally()) {
            next.run();
            return;
        }
        f.whenComplete((bytes, err) -> execute(() -> {
            if (err == null) {
                next.run();
                return;
            }
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            if (cause instanceof SendFailureException sf) {
                // A backend's body broke after its head arrived: a failed send, handled as one.
                onSendFailure(ctx, sf.failure());
                finishSegment(ctx);
                return;
            }
            if (cause instanceof BodyTooLargeException) {
                respondError(ctx, 413, 0, cause.getMessage());
            } else {
                respondError(ctx, 400, 0, "could not read the request body: " + cause.getMessage());
            }
            endActivity(ctx);
        }));
    }

    private void execute(Runnable r) {
        try {
            workers.execute(() -> task(r));
        } catch (RejectedExecutionException e) {
            task(r);
        }
    }

    // ------------------------------------------------------------------ MediationRuntime

    @Override
    public void send(MessageContext ctx, Endpoint endpoint, String receiveSequence) {
        if (ctx.isResponse()) {
            respond(ctx);
            return;
        }
        Endpoint ep = endpoint != null ? endpoint : Endpoints.implicitTo();
        boolean outOnly = isTrue(ctx.getProperty(StandardProperties.OUT_ONLY));
        if (ep.name() != null) {
            ctx.setProperty(StandardProperties.LAST_ENDPOINT, ep.name());
        }
        ctx.exchange().begin();
        deferSend(ctx, () -> ep.send(ctx, new SendCallback() {
            @Override
            public void onResponse(InboundResponse response) {
                ctx.exchange().track(response.body());
                execute(() -> onSendResponse(ctx, response, receiveSequence, outOnly));
            }

            @Override
            public void onFailure(SendFailure failure) {
                execute(() -> {
                    onSendFailure(ctx, failure);
                    finishSegment(ctx);
                });
            }
        }));
        if (outOnly && isTrue(ctx.getAxis2Property(StandardProperties.FORCE_SC_ACCEPTED))) {
            ctx.exchange().respond(new OutboundResponse(202, new Headers(), OutboundBody.NONE, false));
        }
    }

    private void onSendResponse(MessageContext req, InboundResponse resp, String receive, boolean outOnly) {
        if (outOnly) {
            resp.body().discard();
            endActivity(req);
            return;
        }
        MessageContext r = req.copyForResponse();
        applyResponse(r, resp);
        r.setResponse(true);
        r.setTo(null);
        r.faultStack().clear();
        try {
            Mediator seq;
            if (receive != null) {
                seq = r.config().sequence(receive);
                if (seq == null) {
                    throw new MediationException("receiving sequence '" + receive + "' is not deployed");
                }
            } else if (r.flow() != null) {
                seq = r.flow().outSequence();
            } else {
                seq = r.config().sequence(Configuration.MAIN);
            }
            if (seq == null) {
                respond(r);
                endActivity(r);
                return;
            }
            pushFaultSequence(r);
            Mediator out = seq;
            whenBodyReady(r, out.readsBody(), () -> runSegment(r, out));
        } catch (Throwable t) {
            fault(r, t);
            finishSegment(r);
        }
    }

    private static void applyResponse(MessageContext ctx, InboundResponse resp) {
        ctx.setHeaders(resp.headers().copy());
        ctx.setPayload(Payload.of(resp.body()));
        ctx.axis2Properties().clear();
        ctx.setAxis2Property(StandardProperties.HTTP_SC, resp.status());
        if (resp.reason() != null && !resp.reason().isEmpty()) {
            ctx.setAxis2Property(StandardProperties.HTTP_SC_DESC, resp.reason());
        }
        String ct = resp.body().contentType() != null ? resp.body().contentType() : resp.headers().get("Content-Type");
        if (ct != null) {
            ctx.setAxis2Property(StandardProperties.CONTENT_TYPE, ct);
            ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, InboundMessages.baseType(ct));
        }
    }

    private void onSendFailure(MessageContext ctx, SendFailure f) {
        ctx.takeContinuations();
        new Fault(ErrorCode.httpStatusFor(f.errorCode()), f.errorCode(), f.message(), f.cause()).setOn(ctx);
        LOG.warn("{}: send failed with {}: {}", flowName(ctx), f.errorCode(), f.message());
        handleFault(ctx, ErrorCode.httpStatusFor(f.errorCode()), f.errorCode(), f.message());
    }

    @Override
    public void call(MessageContext ctx, Endpoint endpoint) {
        Endpoint ep = endpoint != null ? endpoint : Endpoints.implicitTo();
        ctx.setResponse(false);
        ctx.exchange().begin();
        deferSend(ctx, () -> ep.send(ctx, new SendCallback() {
            @Override
            public void onResponse(InboundResponse response) {
                ctx.exchange().track(response.body());
                execute(() -> {
                    applyResponse(ctx, response);
                    whenBodyReady(ctx, true, () -> resume(ctx));
                });
            }

            @Override
            public void onFailure(SendFailure failure) {
                execute(() -> {
                    onSendFailure(ctx, failure);
                    finishSegment(ctx);
                });
            }
        }));
    }

    /** Continues a flow paused by {@code call}, innermost list first. */
    private void resume(MessageContext ctx) {
        List<Continuation> frames = ctx.takeContinuations();
        try {
            for (int i = 0; i < frames.size(); i++) {
                boolean go = frames.get(i).resume(ctx);
                if (ctx.isSuspended()) {
                    for (int j = i + 1; j < frames.size(); j++) {
                        ctx.addContinuation(frames.get(j));
                    }
                    break;
                }
                if (!go) {
                    break;
                }
            }
        } catch (Throwable t) {
            fault(ctx, t);
        }
        finishSegment(ctx);
    }

    @Override
    public void respond(MessageContext ctx) {
        OutboundResponse r;
        try {
            r = ClientResponses.of(ctx);
        } catch (PayloadException e) {
            r = ErrorResponses.of(e.status(), 0, e.getMessage(), acceptOf(ctx));
        }
        if (!ctx.exchange().respond(r)) {
            LOG.debug("{}: the client was already answered; response dropped", flowName(ctx));
        }
    }

    @Override
    public void loopback(MessageContext ctx) {
        ctx.setResponse(true);
        Mediator out = ctx.flow() == null ? null : ctx.flow().outSequence();
        if (out == null) {
            respond(ctx);
        } else {
            out.mediate(ctx);
        }
    }

    @Override
    public void mediateAsync(MessageContext ctx, Mediator sequence) {
        ctx.exchange().begin();
        execute(() -> whenBodyReady(ctx, sequence.readsBody(), () -> runSegment(ctx, sequence)));
    }

    // ------------------------------------------------------------------ faults

    /** Marks the exchange as failed so that an unanswered end gives an error, not 202. */
    private void fault(MessageContext ctx, Throwable t) {
        Fault f = Fault.of(t, flowName(ctx));
        ctx.takeContinuations();
        f.setOn(ctx);
        handleFault(ctx, f.status(), f.code(), f.message());
    }

    private void handleFault(MessageContext ctx, int status, int code, String message) {
        ctx.setProperty(Fault.KEY, new Fault(status, code, message, null));
        FaultHandler handler = ctx.faultStack().poll();
        if (handler == null) {
            respondError(ctx, status, code, message);
            return;
        }
        try {
            handler.handleFault(ctx);
        } catch (Throwable t) {
            LOG.error("{}: the fault sequence itself failed", flowName(ctx), t);
            respondError(ctx, status, code, message);
        }
    }

    private void respondError(MessageContext ctx, int status, int code, String message) {
        ctx.exchange().respond(ErrorResponses.of(status, code, message, acceptOf(ctx)));
    }

    // ------------------------------------------------------------------ helpers

    private static String acceptOf(MessageContext ctx) {
        var in = ctx.exchange().inbound();
        return in == null ? null : in.headers().get("Accept");
    }

    private static String flowName(MessageContext ctx) {
        return ctx.flow() == null ? "main" : ctx.flow().flowName();
    }

    static boolean isTrue(Object v) {
        return ClientResponses.isTrue(v);
    }

}
