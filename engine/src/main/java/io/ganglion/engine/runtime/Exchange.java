package io.ganglion.engine.runtime;

import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's state for one client request, shared by the request's message, its copies and its
 * responses: whether the client has been answered and how much asynchronous work is outstanding.
 * Thread-safe: atomics only.
 */
public final class Exchange {

    private final InboundExchange inbound;
    private final AtomicBoolean responded = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger(1);
    private final List<RawBody> bodies = new ArrayList<>(1);

    public Exchange(InboundExchange inbound) {
        this.inbound = inbound;
    }

    /** The transport's view of the request; null for messages the engine made itself. */
    public InboundExchange inbound() {
        return inbound;
    }

    /** Sends the response unless one was sent already; returns true if this call sent it. */
    public boolean respond(OutboundResponse response) {
        if (inbound == null || !responded.compareAndSet(false, true)) {
            return false;
        }
        inbound.respond(response);
        return true;
    }

    public boolean isResponded() {
        return responded.get();
    }

    /** One more asynchronous activity (a send, a call, an async mediation) is under way. */
    public void begin() {
        pending.incrementAndGet();
    }

    /** An activity ended; returns true when it was the last one. */
    public boolean end() {
        return pending.decrementAndGet() == 0;
    }

    /**
     * Remembers a backend's response body, so that {@link #discardUnused()} can release it if the
     * flow never reads or relays it (a streamed body otherwise holds its connection).
     */
    public void track(RawBody body) {
        synchronized (bodies) {
            bodies.add(body);
        }
    }

    /** Discards the tracked bodies nobody read or relayed; called once the exchange is over. */
    public void discardUnused() {
        List<RawBody> all;
        synchronized (bodies) {
            all = List.copyOf(bodies);
            bodies.clear();
        }
        for (RawBody b : all) {
            b.discard();
        }
    }
}
