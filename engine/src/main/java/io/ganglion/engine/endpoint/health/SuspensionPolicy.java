package io.ganglion.engine.endpoint.health;

import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.MarkForSuspension;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.SuspendOnFailure;
import java.util.List;
import java.util.Set;

/**
 * How errors move a leaf endpoint between states, resolved once from its {@code markForSuspension},
 * {@code suspendOnFailure} and legacy {@code suspendDurationOnFailure} with Synapse's defaults:
 *
 * <ul>
 *   <li>timeout-class codes: the {@code markForSuspension} list, or 101504 and 101505 when it is
 *       empty; they move the endpoint to TIMEOUT while {@code retriesBeforeSuspension} (default 0)
 *       remain, then to SUSPENDED;
 *   <li>suspend-class codes: the {@code suspendOnFailure} list, or every other code when it is empty;
 *   <li>suspension: {@code initialDuration} (negative or absent: 30000 ms), then the last one times
 *       {@code progressionFactor} (default 1), never more than {@code maximumDuration}
 *       (default unbounded). {@code suspendDurationOnFailure} gives the initial duration in seconds
 *       when {@code initialDuration} is absent.
 * </ul>
 * Thread-safe: immutable.
 */
public final class SuspensionPolicy {

    /** Synapse's suspension when none is configured. */
    public static final long DEFAULT_SUSPEND_MS = 30_000;
    private static final Set<Integer> DEFAULT_TIMEOUT_CODES = Set.of(101504, 101505);

    /** Synapse's defaults: timeouts and closes suspend at once (no retries), anything else too, for 30 s. */
    public static final SuspensionPolicy DEFAULT = new SuspensionPolicy(null, null, 0, 0, -1, 1.0, Long.MAX_VALUE);

    /** What an error does to the endpoint's state. */
    public enum Effect {
        /** Counts towards suspension (TIMEOUT, then SUSPENDED when no retries remain). */
        TIMEOUT,
        /** Suspends the endpoint at once. */
        SUSPEND,
        /** Leaves the state as it is (the error still reaches the fault path). */
        IGNORE
    }

    private final Set<Integer> timeoutCodes;
    private final Set<Integer> suspendCodes;
    private final int retriesBeforeSuspension;
    private final long retryDelayMs;
    private final long initialDurationMs;
    private final double progressionFactor;
    private final long maximumDurationMs;

    /**
     * @param timeoutCodes timeout-class codes; null or empty for 101504 and 101505
     * @param suspendCodes suspend-class codes; null or empty for every code
     * @param initialDurationMs the first suspension; negative for 30000 ms
     */
    public SuspensionPolicy(List<Integer> timeoutCodes, List<Integer> suspendCodes, int retriesBeforeSuspension,
            long retryDelayMs, long initialDurationMs, double progressionFactor, long maximumDurationMs) {
        this.timeoutCodes = timeoutCodes == null || timeoutCodes.isEmpty() ? DEFAULT_TIMEOUT_CODES
                : Set.copyOf(timeoutCodes);
        this.suspendCodes = suspendCodes == null || suspendCodes.isEmpty() ? null : Set.copyOf(suspendCodes);
        this.retriesBeforeSuspension = Math.max(0, retriesBeforeSuspension);
        this.retryDelayMs = Math.max(0, retryDelayMs);
        this.initialDurationMs = initialDurationMs < 0 ? DEFAULT_SUSPEND_MS : initialDurationMs;
        this.progressionFactor = progressionFactor;
        this.maximumDurationMs = maximumDurationMs < 0 ? Long.MAX_VALUE : maximumDurationMs;
    }

    /** The policy a leaf's definition describes. */
    public static SuspensionPolicy of(EndpointDefinition d) {
        MarkForSuspension m = d.markForSuspension();
        SuspendOnFailure s = d.suspendOnFailure();
        long initial = -1;
        double factor = 1.0;
        if (d.suspendDurationOnFailureSeconds() != null) {
            initial = d.suspendDurationOnFailureSeconds() * 1000;
        }
        if (s != null && s.initialDurationMs() != null) {
            initial = s.initialDurationMs();
        }
        if (s != null && s.progressionFactor() != null) {
            factor = s.progressionFactor();
        }
        long max = s != null && s.maximumDurationMs() != null ? s.maximumDurationMs() : Long.MAX_VALUE;
        return new SuspensionPolicy(m == null ? null : m.errorCodes(), s == null ? null : s.errorCodes(),
                m == null || m.retriesBeforeSuspension() == null ? 0 : m.retriesBeforeSuspension(),
                m == null || m.retryDelayMs() == null ? 0 : m.retryDelayMs(), initial, factor, max);
    }

    /** What {@code errorCode} does: timeout-class first, then suspend-class, else nothing. */
    public Effect effectOf(int errorCode) {
        if (timeoutCodes.contains(errorCode)) {
            return Effect.TIMEOUT;
        }
        if (suspendCodes == null || suspendCodes.contains(errorCode)) {
            return Effect.SUSPEND;
        }
        return Effect.IGNORE;
    }

    public int retriesBeforeSuspension() {
        return retriesBeforeSuspension;
    }

    public long retryDelayMs() {
        return retryDelayMs;
    }

    /** The suspension after one of {@code lastMs} (negative: the first suspension). */
    public long nextSuspensionMs(long lastMs) {
        long next;
        if (lastMs < 0) {
            next = initialDurationMs;
        } else {
            double grown = lastMs * progressionFactor;
            next = grown >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) grown;
        }
        return Math.min(next, maximumDurationMs);
    }

    @Override
    public String toString() {
        return "timeout codes " + timeoutCodes + ", suspend codes " + (suspendCodes == null ? "all" : suspendCodes)
                + ", retries " + retriesBeforeSuspension + ", suspension " + initialDurationMs + " ms x"
                + progressionFactor + " up to " + maximumDurationMs + " ms";
    }
}
