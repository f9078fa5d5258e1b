package io.ganglion.engine.endpoint.health;

import io.ganglion.engine.endpoint.health.SuspensionPolicy.Effect;
import java.time.Instant;
import java.util.Objects;

/**
 * The state machine of one leaf endpoint (or one target of a {@code default} endpoint), following
 * Synapse's {@code EndpointContext}: errors move it from ACTIVE to TIMEOUT or SUSPENDED by their
 * {@link SuspensionPolicy}; any response makes it ACTIVE again; OFF is manual.
 *
 * <p>Two fixes over Synapse: when a suspension ends only <em>one</em> message is let through as a
 * probe, the others are refused until it answers (Synapse lets every waiting request through); and
 * failures of requests sent before the current suspension do not lengthen it. A suspension of 0 ms
 * does not suspend at all, so {@code initialDuration 0} keeps the endpoint ACTIVE. With active health
 * checks a suspended endpoint is not probed with live traffic; the checker brings it back.
 *
 * <p>Time is passed in (epoch milliseconds from the engine's clock), so tests drive it.
 * Thread-safe: all state is guarded by the object's monitor.
 */
public final class EndpointHealth {

    /** What {@link #admit} decided for one message. */
    public enum Admission {
        /** Send normally. */
        SEND,
        /** Send as the single probe of an expired suspension; report the outcome with probe=true. */
        PROBE,
        /** Do not send: the endpoint is not ready. */
        REJECT
    }

    private final SuspensionPolicy policy;
    private final boolean activeChecks;

    private EndpointState state = EndpointState.ACTIVE;
    private long nextRetryAt;
    private int remainingRetries;
    private long lastSuspendMs = -1;
    private boolean probing;
    private long probeStartedAt;
    private long suspendedAt;
    private int lastErrorCode;
    private String lastErrorMessage;
    private long lastErrorAt;
    private long sent;
    private long responses;
    private long failures;
    private long rejected;
    private long suspensions;

    /**
     * @param activeChecks true when an active health check brings the endpoint back; suspended
     *     endpoints then wait for it instead of probing with live traffic
     */
    public EndpointHealth(SuspensionPolicy policy, boolean activeChecks) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.activeChecks = activeChecks;
        this.remainingRetries = policy.retriesBeforeSuspension();
    }

    public SuspensionPolicy policy() {
        return policy;
    }

    /**
     * Decides whether a message may be sent now.
     *
     * @param probeLeaseMs how long an unanswered probe blocks the next one (a safety net: every
     *     send reports back, but a lost callback must not suspend an endpoint for ever)
     */
    public synchronized Admission admit(long now, long probeLeaseMs) {
        Admission a = decide(now, probeLeaseMs);
        if (a == Admission.REJECT) {
            rejected++;
        } else {
            sent++;
        }
        return a;
    }

    private Admission decide(long now, long probeLeaseMs) {
        switch (state) {
            case ACTIVE:
                return Admission.SEND;
            case OFF:
                return Admission.REJECT;
            case TIMEOUT:
                return now >= nextRetryAt ? Admission.SEND : Admission.REJECT;
            default:
                if (activeChecks || now < nextRetryAt) {
                    return Admission.REJECT;
                }
                if (probing && now - probeStartedAt < probeLeaseMs) {
                    return Admission.REJECT;
                }
                probing = true;
                probeStartedAt = now;
                return Admission.PROBE;
        }
    }

    /** True when {@link #admit} would let a message through now (without taking the probe). */
    public synchronized boolean isReady(long now) {
        switch (state) {
            case ACTIVE:
                return true;
            case OFF:
                return false;
            case TIMEOUT:
                return now >= nextRetryAt;
            default:
                return !activeChecks && now >= nextRetryAt && !probing;
        }
    }

    /** The backend answered (any HTTP status): back to ACTIVE, counters reset. */
    public synchronized void onResponse(long now, boolean probe) {
        responses++;
        if (probe) {
            probing = false;
        }
        if (state != EndpointState.OFF) {
            activate();
        }
    }

    /**
     * A transport error: moves the state by the policy. A failure of a message sent before the
     * current suspension began only updates the counters.
     *
     * @param sentAt when the failed message was admitted
     */
    public synchronized void onFailure(int errorCode, String message, long now, long sentAt, boolean probe) {
        failures++;
        lastErrorCode = errorCode;
        lastErrorMessage = message;
        lastErrorAt = now;
        if (probe) {
            probing = false;
        }
        if (state == EndpointState.OFF) {
            return;
        }
        if (state == EndpointState.SUSPENDED && !probe && sentAt < suspendedAt) {
            return;
        }
        Effect effect = policy.effectOf(errorCode);
        if (effect == Effect.TIMEOUT) {
            if (remainingRetries <= 0) {
                suspend(now);
            } else {
                remainingRetries--;
                state = EndpointState.TIMEOUT;
                nextRetryAt = now + policy.retryDelayMs();
            }
        } else if (effect == Effect.SUSPEND) {
            suspend(now);
        }
    }

    /** A message ended without telling anything about the backend (discarded, auth failure...). */
    public synchronized void onNeutral(boolean probe) {
        if (probe) {
            probing = false;
        }
    }

    private void suspend(long now) {
        long duration = policy.nextSuspensionMs(lastSuspendMs);
        if (duration <= 0) {
            // "initialDuration 0" is how WSO2 users switch suspension off: stay ACTIVE.
            activate();
            return;
        }
        state = EndpointState.SUSPENDED;
        suspendedAt = now;
        nextRetryAt = now + duration < now ? Long.MAX_VALUE : now + duration;
        lastSuspendMs = duration;
        suspensions++;
        probing = false;
    }

    private void activate() {
        state = EndpointState.ACTIVE;
        remainingRetries = policy.retriesBeforeSuspension();
        lastSuspendMs = -1;
        nextRetryAt = 0;
    }

    /** An operator switched the endpoint off: it refuses every message until switched on. */
    public synchronized void switchOff() {
        state = EndpointState.OFF;
        probing = false;
    }

    /** An operator switched the endpoint on: ACTIVE again. */
    public synchronized void switchOn() {
        activate();
        probing = false;
    }

    /** An active health check passed its healthy threshold: a suspended endpoint is ACTIVE again. */
    public synchronized void markHealthy() {
        if (state == EndpointState.SUSPENDED || state == EndpointState.TIMEOUT) {
            activate();
            probing = false;
        }
    }

    /** An active health check passed its unhealthy threshold: an ACTIVE endpoint is suspended. */
    public synchronized void markUnhealthy(int errorCode, String message, long now) {
        lastErrorCode = errorCode;
        lastErrorMessage = message;
        lastErrorAt = now;
        if (state == EndpointState.ACTIVE || state == EndpointState.TIMEOUT) {
            long duration = Math.max(1, policy.nextSuspensionMs(lastSuspendMs));
            state = EndpointState.SUSPENDED;
            suspendedAt = now;
            nextRetryAt = now + duration < now ? Long.MAX_VALUE : now + duration;
            lastSuspendMs = duration;
            suspensions++;
        }
    }

    public synchronized EndpointState state() {
        return state;
    }

    /** When a SUSPENDED or TIMEOUT endpoint may next be tried (epoch ms), or 0. */
    public synchronized long nextRetryAt() {
        return state == EndpointState.ACTIVE || state == EndpointState.OFF ? 0 : nextRetryAt;
    }

    /** A snapshot for management. */
    public synchronized EndpointStatus status(String path, String type, String target) {
        long next = state == EndpointState.ACTIVE || state == EndpointState.OFF ? 0 : nextRetryAt;
        return new EndpointStatus(path, type, target, state,
                next == 0 || next == Long.MAX_VALUE ? null : Instant.ofEpochMilli(next), remainingRetries,
                lastErrorCode, lastErrorMessage, lastErrorAt == 0 ? null : Instant.ofEpochMilli(lastErrorAt), sent,
                responses, failures, rejected, suspensions, activeChecks);
    }

    /** A short description for error messages, e.g. {@code SUSPENDED until 2024-...}. */
    public synchronized String describe() {
        if (state == EndpointState.SUSPENDED || state == EndpointState.TIMEOUT) {
            String until = activeChecks && state == EndpointState.SUSPENDED ? " until its health check passes"
                    : nextRetryAt == Long.MAX_VALUE ? "" : " until " + Instant.ofEpochMilli(nextRetryAt);
            return state + until + (probing ? " (a probe is under way)" : "");
        }
        return state.toString();
    }
}
