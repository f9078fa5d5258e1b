package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.SendCallback;
import java.util.List;
import java.util.Objects;

/**
 * A group that sends each message to one child at a time and may try another when a child fails
 * (failover, loadbalance). Subclasses choose the children; {@link GroupSend} runs the attempts.
 * Thread-safe: configuration is immutable; selection state is kept by subclasses thread-safely.
 */
public abstract class GroupEndpoint implements Endpoint {

    private final EndpointWrapper wrapper;
    private final List<Endpoint> children;
    private final RetrySettings retry;

    protected GroupEndpoint(EndpointWrapper wrapper, List<Endpoint> children, RetrySettings retry) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.children = List.copyOf(children);
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    @Override
    public String name() {
        return wrapper.name();
    }

    @Override
    public EndpointWrapper wrapper() {
        return wrapper;
    }

    @Override
    public List<Endpoint> children() {
        return children;
    }

    public RetrySettings retry() {
        return retry;
    }

    /** True when a failed attempt may go to another child. */
    protected abstract boolean failsOver();

    /** The kind of group in messages, e.g. {@code failover endpoint}. */
    protected abstract String kind();

    /**
     * The child for the next attempt, or -1 when none is left.
     *
     * @param tried children already tried (or skipped as not ready) for this message
     * @param first true for the message's first choice
     */
    protected abstract int pick(MessageContext ctx, boolean[] tried, boolean first);

    /** An attempt on child {@code i} starts. */
    protected void started(int i) {}

    /** An attempt on child {@code i} ended (any outcome). */
    protected void ended(int i) {}

    /** Child {@code i} answered the message with {@code response}, which goes on as the group's answer. */
    protected void answered(int i, MessageContext ctx, InboundResponse response) {}

    /** True when a message may be sent more than once, so its body must be replayable. */
    public boolean mayRetry() {
        return failsOver() && retry.maxAttempts(children.size()) > 1;
    }

    @Override
    public boolean readsBody() {
        if (mayRetry() || wrapper.readsBody()) {
            return true;
        }
        for (Endpoint c : children) {
            if (c.readsBody()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        new GroupSend(this, ctx, callback).start();
    }

    /** Names the group in messages. */
    public String describe() {
        return wrapper.name() == null ? "anonymous " + kind() : kind() + " '" + wrapper.name() + "'";
    }

    @Override
    public String toString() {
        return describe();
    }
}
