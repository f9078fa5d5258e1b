package io.ganglion.engine.runtime;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.Sender;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What mediators may ask of the engine: sending, answering the client, and running work
 * asynchronously. Implemented by {@link io.ganglion.engine.Engine}. Thread-safe.
 */
public interface MediationRuntime {

    /**
     * {@code <send>}: a request goes to {@code endpoint} (to its To address when null) and its
     * response is mediated by {@code receiveSequence} or the flow's out sequence; a response goes
     * back to the client.
     */
    void send(MessageContext ctx, Endpoint endpoint, String receiveSequence);

    /**
     * {@code <call>}: sends the request and, when the response arrives, resumes the flow that
     * called this with the response in {@code ctx}. The caller then calls
     * {@link MessageContext#suspend()} and returns false.
     */
    void call(MessageContext ctx, Endpoint endpoint);

    /** {@code <respond>}: sends {@code ctx} back to the client as the response. */
    void respond(MessageContext ctx);

    /** {@code <loopback>}: turns the message into a response and runs the response flow. */
    void loopback(MessageContext ctx);

    /** Runs {@code sequence} on {@code ctx} (an independent copy) on a worker (clone, iterate). */
    void mediateAsync(MessageContext ctx, Mediator sequence);

    /** Workers that run mediation. */
    Executor workers();

    /** The clock for time-based behaviour (aggregate timeouts, SYSTEM_DATE). */
    Clock clock();

    /** The transport sender leaf endpoints hand their requests to. */
    default Sender sender() {
        throw new UnsupportedOperationException("this runtime has no sender");
    }
}
