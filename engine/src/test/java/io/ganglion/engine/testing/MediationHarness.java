package io.ganglion.engine.testing;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.runtime.Exchange;
import io.ganglion.engine.runtime.MediationRuntime;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs real mediators on a real {@link MessageContext} without sockets: the runtime records what
 * mediators ask of it (sends, calls, responses) instead of doing I/O. Not thread-safe.
 */
public final class MediationHarness implements MediationRuntime {

    /** A recorded {@code send}. */
    public record Sent(MessageContext ctx, Endpoint endpoint, String receiveSequence) {}

    public final List<Sent> sent = new ArrayList<>();
    public final List<Sent> called = new ArrayList<>();
    public final List<MessageContext> responded = new ArrayList<>();
    public final List<MessageContext> loopedBack = new ArrayList<>();
    public final List<MessageContext> asyncMediated = new ArrayList<>();

    private final Configuration config;
    private Clock clock = Clock.systemUTC();
    private Sender sender;

    public MediationHarness() {
        this(Configuration.builder().build());
    }

    public MediationHarness(Configuration config) {
        this.config = config;
    }

    public MediationHarness withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Makes {@link #sender()} return {@code sender} (leaf endpoints send through it). */
    public MediationHarness withSender(Sender sender) {
        this.sender = sender;
        return this;
    }

    /** An empty request message (GET /). */
    public MessageContext request() {
        MessageContext ctx = new MessageContext(config, this, new Exchange(null));
        ctx.setAxis2Property(StandardProperties.HTTP_METHOD, "GET");
        ctx.setTo("/");
        return ctx;
    }

    /** A POST request with a body of the given content type. */
    public MessageContext request(String contentType, String body) {
        MessageContext ctx = request();
        ctx.setAxis2Property(StandardProperties.HTTP_METHOD, "POST");
        ctx.setHeaders(new Headers().set("Content-Type", contentType));
        ctx.setAxis2Property(StandardProperties.CONTENT_TYPE, contentType);
        int semi = contentType.indexOf(';');
        ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, semi < 0 ? contentType : contentType.substring(0, semi));
        ctx.setPayload(Payload.of(RawBody.of(body.getBytes(StandardCharsets.UTF_8), contentType)));
        return ctx;
    }

    /** Runs a mediator; returns its result. */
    public boolean mediate(Mediator m, MessageContext ctx) {
        return m.mediate(ctx);
    }

    @Override
    public void send(MessageContext ctx, Endpoint endpoint, String receiveSequence) {
        sent.add(new Sent(ctx, endpoint, receiveSequence));
    }

    @Override
    public void call(MessageContext ctx, Endpoint endpoint) {
        called.add(new Sent(ctx, endpoint, null));
    }

    @Override
    public void respond(MessageContext ctx) {
        responded.add(ctx);
    }

    @Override
    public void loopback(MessageContext ctx) {
        loopedBack.add(ctx);
    }

    @Override
    public void mediateAsync(MessageContext ctx, Mediator sequence) {
        asyncMediated.add(ctx);
        sequence.mediate(ctx);
    }

    @Override
    public Executor workers() {
        return Runnable::run;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Sender sender() {
        if (sender == null) {
            throw new IllegalStateException("no sender: call withSender(...) first");
        }
        return sender;
    }
}
