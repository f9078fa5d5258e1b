package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.AttemptCallback;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.Outcomes;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.BodyTooLargeException;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message going through a group: buffers the body when a retry is possible, picks a child,
 * and on a failure decides whether another child may have it.
 *
 * <p>A child that refuses the message without sending it (not ready: 303000-303002, 305100) is
 * skipped without counting as an attempt. Any other failure ends the message when the group does
 * not fail over, the leaf's {@code retryConfig} forbids it, the method is POST or PATCH and the
 * request may have reached the backend (see {@link RetrySettings}), or the attempts are used up;
 * otherwise the next child gets it. When no child is left the group fails with 303000 naming the
 * last error. Retries run on the engine's workers, never on the I/O thread that reported the failure.
 *
 * <p>Thread-safe: attempts are sequential; each reports once; the final outcome is claimed atomically.
 */
final class GroupSend {

    private static final Logger LOG = LoggerFactory.getLogger(GroupSend.class);
    private static final Set<String> NON_IDEMPOTENT = Set.of("POST", "PATCH");

    private final GroupEndpoint group;
    private final MessageContext ctx;
    private final SendCallback out;
    private final boolean[] tried;
    private final int maxAttempts;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicInteger current = new AtomicInteger(-1);
    private volatile int attempts;
    private volatile String method;
    private volatile SendFailure lastFailure;
    private volatile InboundResponse lastStatusAnswer;
    private volatile boolean inline;

    GroupSend(GroupEndpoint group, MessageContext ctx, SendCallback out) {
        this.group = group;
        this.ctx = ctx;
        this.out = out;
        this.tried = new boolean[group.children().size()];
        this.maxAttempts = group.retry().maxAttempts(group.children().size());
    }

    /** Starts on the caller's thread; a body still arriving continues on a worker. */
    void start() {
        inline = true;
        try {
            if (!group.mayRetry()) {
                next();
                return;
            }
            Payload payload = ctx.payload();
            RawBody raw = payload.raw();
            if (payload.isBuilt() || raw == null || raw.length() == 0) {
                next();
                return;
            }
            CompletableFuture<byte[]> read = raw.readAll(group.retry().replayLimit()).toCompletableFuture();
            if (read.isDone()) {
                buffered(raw, read);
            } else {
                read.whenComplete((b, e) -> onWorker(() -> buffered(raw, read)));
            }
        } finally {
            inline = false;
        }
    }

    private void buffered(RawBody raw, CompletableFuture<byte[]> read) {
        byte[] bytes;
        try {
            bytes = read.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BodyTooLargeException) {
                finish(new SendFailure(ErrorCode.REPLAY_BUFFER_EXCEEDED.code(), "the request body is larger than the "
                        + group.retry().replayLimit() + "-byte replay buffer of " + group.describe()
                        + ", so it could not be retried on another child; it was not sent. Raise replayBufferSize"
                        + " or set maxRetries=\"0\"", cause), false);
            } else {
                finish(new SendFailure(ErrorCode.RCV_IO_ERROR_RECEIVING.code(), "could not read the request body for "
                        + group.describe() + ": " + cause.getMessage(), cause), false);
            }
            return;
        }
        // An in-memory body can be sent again on every attempt, whatever the transport does with it.
        Payload copy = Payload.of(RawBody.of(bytes, raw.contentType()));
        copy.setBuildLimit(Math.max(Payload.DEFAULT_BUILD_LIMIT, bytes.length));
        ctx.setPayload(copy);
        next();
    }

    /** Sends to the next child, or finishes when none is left. */
    private void next() {
        if (done.get()) {
            return;
        }
        int i = group.pick(ctx, tried, attempts == 0 && current.get() < 0);
        if (i < 0) {
            exhausted();
            return;
        }
        tried[i] = true;
        current.set(i);
        Endpoint child = group.children().get(i);
        Child callback = new Child(i);
        group.started(i);
        try {
            child.send(ctx, callback);
        } catch (RuntimeException e) {
            if (!callback.claim()) {
                throw e;
            }
            group.ended(i);
            if (inline && done.compareAndSet(false, true)) {
                throw e;
            }
            finish(new SendFailure(ErrorCode.MEDIATION_FAILURE.code(), child + ": " + e.getMessage(), e), false);
        }
    }

    private void exhausted() {
        InboundResponse answer = lastStatusAnswer;
        if (answer != null) {
            if (done.compareAndSet(false, true)) {
                out.onResponse(answer);
            }
            return;
        }
        SendFailure last = lastFailure;
        String message = last == null
                ? group.describe() + " has no ready child endpoint"
                : group.describe() + " gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                        + "; the last error was " + last.errorCode() + ": " + last.message();
        finish(new SendFailure(ErrorCode.ENDPOINT_NONE_READY.code(), message, last == null ? null : last.cause()),
                true);
    }

    private void finish(SendFailure failure, boolean retryable) {
        replaceStatusAnswer(null);
        if (done.compareAndSet(false, true)) {
            Outcomes.fail(out, failure, retryable);
        }
    }

    private void onWorker(Runnable r) {
        try {
            ctx.runtime().workers().execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.error("{}: retry failed", group.describe(), e);
                    finish(new SendFailure(ErrorCode.MEDIATION_FAILURE.code(), e.toString(), e), false);
                }
            });
        } catch (RejectedExecutionException e) {
            r.run();
        }
    }

    private String method() {
        String m = method;
        if (m != null) {
            return m;
        }
        Object p = ctx.getAxis2Property(StandardProperties.HTTP_METHOD);
        return p == null ? "POST" : p.toString().toUpperCase(Locale.ROOT);
    }

    /** Whether a request that failed with {@code code} may be sent again. */
    private boolean replayable(int code) {
        if (!NON_IDEMPOTENT.contains(method())) {
            return true;
        }
        if (code == ErrorCode.CONNECTION_FAILED.code() || code == ErrorCode.CONNECT_TIMEOUT.code()) {
            return true;
        }
        return group.retry().allowsNonIdempotent() && code != ErrorCode.CONNECTION_TIMEOUT.code()
                && code != ErrorCode.ENDPOINT_NONE_READY.code();
    }

    /** Keeps the latest status answer for the client and releases the one it replaces. */
    private void replaceStatusAnswer(InboundResponse answer) {
        InboundResponse previous = lastStatusAnswer;
        lastStatusAnswer = answer;
        if (previous != null && previous != answer) {
            previous.body().discard();
        }
    }

    private void childAnswered(int i, InboundResponse response) {
        group.ended(i);
        if (group.retry().statuses().contains(response.status()) && group.failsOver() && attempts < maxAttempts
                && (!NON_IDEMPOTENT.contains(method()) || group.retry().allowsNonIdempotent())) {
            LOG.debug("{}: child {} answered {}; failing over", group.describe(), i, response.status());
            replaceStatusAnswer(response);
            onWorker(this::next);
            return;
        }
        group.answered(i, ctx, response);
        if (done.compareAndSet(false, true)) {
            out.onResponse(response);
        }
    }

    private void childFailed(int i, SendFailure f, boolean retryable, boolean sent) {
        group.ended(i);
        if (!sent && ErrorCode.isNotReady(f.errorCode())) {
            // Never sent: try another child now, without counting an attempt.
            next();
            return;
        }
        if (!group.failsOver() || maxAttempts <= 1 || !retryable || !replayable(f.errorCode())) {
            finish(f, retryable);
            return;
        }
        lastFailure = f;
        replaceStatusAnswer(null);
        if (attempts >= maxAttempts) {
            exhausted();
            return;
        }
        LOG.debug("{}: child {} failed with {}; trying another", group.describe(), i, f.errorCode());
        onWorker(this::next);
    }

    /** The callback of one attempt. */
    private final class Child implements AttemptCallback {
        private final int index;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile boolean sent;

        Child(int index) {
            this.index = index;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        @Override
        public void requestMethod(String m) {
            if (!sent) {
                sent = true;
                attempts++;
            }
            method = m;
            Outcomes.method(out, m);
        }

        @Override
        public void onResponse(InboundResponse response) {
            if (claim()) {
                if (!sent) {
                    sent = true;
                    attempts++;
                }
                childAnswered(index, response);
            } else {
                // A late answer nobody will read: release its (possibly streamed) body and connection.
                response.body().discard();
            }
        }

        @Override
        public void onFailure(SendFailure failure, boolean retryable) {
            if (claim()) {
                childFailed(index, failure, retryable, sent);
            }
        }

        @Override
        public void onDiscarded() {
            if (claim()) {
                group.ended(index);
                if (done.compareAndSet(false, true)) {
                    Outcomes.discard(ctx, out, group.describe());
                }
            }
        }
    }
}
