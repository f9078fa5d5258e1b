package io.ganglion.engine.endpoint.leaf;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.Outcomes;
import io.ganglion.engine.endpoint.auth.BackendAuth;
import io.ganglion.engine.endpoint.health.EndpointHealth;
import io.ganglion.engine.endpoint.health.EndpointTimers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request of a leaf endpoint: races the transport's outcome against the endpoint deadline,
 * reports exactly one outcome, and records it in the endpoint's health.
 * Thread-safe: the outcome is claimed atomically; called from I/O and timer threads.
 */
final class LeafAttempt implements SendCallback {

    private final Leaf leaf;
    private final MessageContext ctx;
    private final EndpointHealth health;
    private final boolean probe;
    private final long admittedAt;
    private final SendCallback callback;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile ScheduledFuture<?> deadline;

    LeafAttempt(Leaf leaf, MessageContext ctx, EndpointHealth health, boolean probe, long admittedAt,
            SendCallback callback) {
        this.leaf = leaf;
        this.ctx = ctx;
        this.health = health;
        this.probe = probe;
        this.admittedAt = admittedAt;
        this.callback = callback;
    }

    void start(OutboundRequest request, BackendAuth auth) {
        long ms = leaf.deadlineMs();
        if (ms > 0) {
            deadline = EndpointTimers.schedule(this::expired, ms);
        }
        try {
            if (auth == null) {
                ctx.runtime().sender().send(request, this);
            } else {
                auth.send(ctx, request, ctx.runtime().sender(), this);
            }
        } catch (RuntimeException e) {
            if (claim()) {
                health.onNeutral(probe);
            }
            throw e;
        }
    }

    private boolean claim() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        return true;
    }

    private long now() {
        return ctx.runtime().clock().millis();
    }

    @Override
    public void onResponse(InboundResponse response) {
        if (!claim()) {
            // Answered after the timeout gave up on it: nobody reads this body.
            response.body().discard();
            return;
        }
        health.onResponse(now(), probe);
        callback.onResponse(response);
    }

    @Override
    public void onFailure(SendFailure failure) {
        if (!claim()) {
            return;
        }
        int code = failure.errorCode();
        if (leaf.discardsTimeouts() && code == ErrorCode.CONNECTION_TIMEOUT.code()) {
            health.onNeutral(probe);
            Outcomes.discard(ctx, callback, leaf.describe());
            return;
        }
        if (ErrorCode.isTransportError(code)) {
            health.onFailure(code, failure.message(), now(), admittedAt, probe);
        } else {
            health.onNeutral(probe);
        }
        Outcomes.fail(callback, failure, leaf.retryable(code));
    }

    private void expired() {
        if (!claim()) {
            return;
        }
        if (leaf.discardsTimeouts()) {
            health.onNeutral(probe);
            Outcomes.discard(ctx, callback, leaf.describe());
            return;
        }
        int code = ErrorCode.HANDLER_TIME_OUT.code();
        String message = leaf.describe() + " did not answer within its timeout of " + leaf.deadlineMs() + " ms";
        health.onFailure(code, message, now(), admittedAt, probe);
        Outcomes.fail(callback, new SendFailure(code, message, null), leaf.retryable(code));
    }
}
