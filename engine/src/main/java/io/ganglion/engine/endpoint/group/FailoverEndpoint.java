package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.InboundResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends each message to the first child that takes it: children that are not ready (suspended,
 * off) are skipped, and a child that fails passes the message to the next (see {@link GroupSend}
 * for which failures, and {@link RetrySettings} for the limits). With {@code dynamic="true"} (the
 * default) every message starts at the first child, so traffic returns to the primary as soon as
 * it recovers; with {@code dynamic="false"} the group stays on the child that last answered until
 * that one fails.
 *
 * <pre>{@code
 * <endpoint [name="n"]>
 *   <failover [dynamic="true|false"] [buildMessage="true|false"] [maxRetries="n"]
 *             [retryNonIdempotent="true|false"] [failoverOnStatus="502,503"] [replayBufferSize="bytes"]>
 *     <endpoint .../>+
 *   </failover>
 * </endpoint>
 * }</pre>
 * Thread-safe: the current child (static mode) is atomic.
 */
public final class FailoverEndpoint extends GroupEndpoint {

    private final Boolean dynamic;
    private final AtomicInteger currentChild = new AtomicInteger();

    /** @param dynamic the attribute as written, or null (true) */
    public FailoverEndpoint(EndpointWrapper wrapper, List<Endpoint> children, Boolean dynamic, RetrySettings retry) {
        super(wrapper, children, retry);
        this.dynamic = dynamic;
    }

    /** The {@code dynamic} attribute as written, or null. */
    public Boolean dynamicAttribute() {
        return dynamic;
    }

    public boolean isDynamic() {
        return dynamic == null || dynamic;
    }

    /** The child a static group currently sends to. */
    public int currentChild() {
        return currentChild.get();
    }

    @Override
    protected boolean failsOver() {
        return true;
    }

    @Override
    protected String kind() {
        return "failover endpoint";
    }

    @Override
    protected int pick(MessageContext ctx, boolean[] tried, boolean first) {
        if (!isDynamic()) {
            int c = currentChild.get();
            if (c < tried.length && !tried[c]) {
                return c;
            }
        }
        for (int i = 0; i < tried.length; i++) {
            if (!tried[i]) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void answered(int i, MessageContext ctx, InboundResponse response) {
        if (!isDynamic()) {
            currentChild.set(i);
        }
    }
}
