package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.message.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.axiom.om.OMElement;

/**
 * How a failover or load-balance group retries one message on another child: Ganglion attributes
 * on {@code <failover>} and {@code <loadbalance>} (absent ones are null and keep their defaults).
 *
 * <ul>
 *   <li>{@code maxRetries="n"}: at most n more attempts after the first (default: one attempt per
 *       child, so a message is never sent to the same child twice);
 *   <li>{@code retryNonIdempotent="true"}: POST and PATCH may be retried after any retryable error
 *       except a timeout (default false: only after the connection could not be made, 101503 and
 *       101508, when the request cannot have reached the backend);
 *   <li>{@code failoverOnStatus="502,503,504"}: backend statuses that fail over like transport
 *       errors (default none: as Synapse, an answer is never a failure). When no child is left the
 *       last such response goes to the client as it is. They do not suspend the endpoint;
 *   <li>{@code replayBufferSize="bytes"}: when the group may retry, the request body is read into
 *       memory up to this size before the first attempt so it can be sent again; a larger body
 *       fails with 303010 (413) instead of being sent once and lost (default 16 MiB);
 *   <li>{@code buildMessage="true|false"}: WSO2's attribute, accepted and written back; the body is
 *       buffered whenever the group may retry.
 * </ul>
 * Thread-safe: immutable.
 */
public record RetrySettings(Integer maxRetries, Boolean retryNonIdempotent, List<Integer> failoverOnStatus,
        Long replayBufferSize, Boolean buildMessage) {

    /** The replay buffer when none is configured. */
    public static final long DEFAULT_REPLAY_BUFFER = Payload.DEFAULT_BUILD_LIMIT;

    public static final RetrySettings DEFAULT = new RetrySettings(null, null, null, null, null);

    public RetrySettings {
        failoverOnStatus = failoverOnStatus == null ? null : List.copyOf(failoverOnStatus);
    }

    /** The most attempts one message gets across {@code children} children. */
    public int maxAttempts(int children) {
        int byChildren = Math.max(1, children);
        return maxRetries == null ? byChildren : Math.max(1, Math.min(byChildren, maxRetries + 1));
    }

    public boolean allowsNonIdempotent() {
        return Boolean.TRUE.equals(retryNonIdempotent);
    }

    public Set<Integer> statuses() {
        return failoverOnStatus == null ? Set.of() : Set.copyOf(failoverOnStatus);
    }

    public long replayLimit() {
        return replayBufferSize == null ? DEFAULT_REPLAY_BUFFER : replayBufferSize;
    }

    /** Reads the attributes from a {@code <failover>} or {@code <loadbalance>} element. */
    public static RetrySettings read(OMElement el, ReadContext ctx) {
        Integer maxRetries = null;
        if (ctx.attribute(el, "maxRetries") != null) {
            long v = ctx.longAttribute(el, "maxRetries", 0);
            if (v < 0 || v > 1000) {
                throw ctx.error(el, "attribute 'maxRetries' must be between 0 and 1000, not " + v);
            }
            maxRetries = (int) v;
        }
        Boolean nonIdempotent = ctx.attribute(el, "retryNonIdempotent") == null ? null
                : ctx.booleanAttribute(el, "retryNonIdempotent", false);
        List<Integer> statuses = null;
        String s = ctx.attribute(el, "failoverOnStatus");
        if (s != null) {
            statuses = new ArrayList<>();
            for (String part : s.split("[,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                try {
                    int code = Integer.parseInt(part);
                    if (code < 100 || code > 599) {
                        throw new NumberFormatException();
                    }
                    statuses.add(code);
                } catch (NumberFormatException e) {
                    throw ctx.error(el, "attribute 'failoverOnStatus' must list HTTP status codes separated by commas,"
                            + " not '" + s + "'");
                }
            }
        }
        Long buffer = null;
        if (ctx.attribute(el, "replayBufferSize") != null) {
            buffer = ctx.longAttribute(el, "replayBufferSize", 0);
            if (buffer < 0) {
                throw ctx.error(el, "attribute 'replayBufferSize' must not be negative");
            }
        }
        Boolean build = ctx.attribute(el, "buildMessage") == null ? null
                : ctx.booleanAttribute(el, "buildMessage", false);
        return new RetrySettings(maxRetries, nonIdempotent, statuses, buffer, build);
    }

    /** Writes the attributes that were given. */
    public void write(OMElement el, WriteContext ctx) {
        ctx.attribute(el, "buildMessage", buildMessage == null ? null : buildMessage.toString());
        ctx.attribute(el, "maxRetries", maxRetries == null ? null : maxRetries.toString());
        ctx.attribute(el, "retryNonIdempotent", retryNonIdempotent == null ? null : retryNonIdempotent.toString());
        ctx.attribute(el, "failoverOnStatus", failoverOnStatus == null ? null
                : failoverOnStatus.stream().map(String::valueOf).collect(Collectors.joining(",")));
        ctx.attribute(el, "replayBufferSize", replayBufferSize == null ? null : replayBufferSize.toString());
    }
}
