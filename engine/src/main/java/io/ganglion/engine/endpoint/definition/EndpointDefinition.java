package io.ganglion.engine.endpoint.definition;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The quality-of-service settings shared by leaf endpoints ({@code address}, {@code http},
 * {@code default}): wire format, timeout, suspension and retry policy. Absent settings are null,
 * so the definition writes back exactly what was configured.
 *
 * <pre>{@code
 * <address uri="..." [format="soap11|soap12|pox|get|rest|json|leave-as-is"] [optimize="mtom|swa"]
 *          [encoding="..."] [statistics="enable|disable"] [trace="enable|disable"]>
 *   <enableAddressing [version="final|submission"] [separateListener="true|false"]/>?
 *   <enableSec [policy="key"] [inboundPolicy="key"] [outboundPolicy="key"]/>?
 *   <timeout><duration>ms</duration><responseAction>fault|discard|never</responseAction></timeout>?
 *   <markForSuspension><errorCodes>c,c</errorCodes><retriesBeforeSuspension>n</retriesBeforeSuspension>
 *                      <retryDelay>ms</retryDelay></markForSuspension>?
 *   <suspendOnFailure><errorCodes>c,c</errorCodes><initialDuration>ms</initialDuration>
 *                     <progressionFactor>f</progressionFactor><maximumDuration>ms</maximumDuration></suspendOnFailure>?
 *   <suspendDurationOnFailure>seconds</suspendDurationOnFailure>?
 *   <retryConfig><disabledErrorCodes>c,c</disabledErrorCodes> | <enabledErrorCodes>c,c</enabledErrorCodes></retryConfig>?
 * </address>
 * }</pre>
 *
 * <p>The timeout is the request's response timeout and, with a response action, the endpoint's
 * deadline; suspension settings drive {@link io.ganglion.engine.endpoint.health.SuspensionPolicy};
 * {@code retryConfig} tells failover and load-balance groups which errors they may retry.
 * Thread-safe: immutable.
 */
public record EndpointDefinition(
        Format format,
        Optimize optimize,
        String encoding,
        Boolean statistics,
        Boolean trace,
        Addressing addressing,
        Security security,
        Timeout timeout,
        MarkForSuspension markForSuspension,
        SuspendOnFailure suspendOnFailure,
        Long suspendDurationOnFailureSeconds,
        RetryConfig retryConfig) {

    /** Synapse's timeout when a response action is given without a duration. */
    public static final long DEFAULT_ACTION_TIMEOUT_MS = 30_000;

    /** No settings at all: the message goes as it is, with the sender's default timeout. */
    public static final EndpointDefinition EMPTY =
            new EndpointDefinition(null, null, null, null, null, null, null, null, null, null, null, null);

    /** True when sending needs the body built (a format that converts it). */
    public boolean readsBody() {
        return format != null && format.convertsBody();
    }

    /** The response timeout for requests, or null for the sender's default. */
    public Duration responseTimeout() {
        if (timeout == null) {
            return null;
        }
        if (timeout.durationMs() != null && timeout.durationMs() > 0) {
            return Duration.ofMillis(timeout.durationMs());
        }
        if (timeout.action() != null && timeout.action() != TimeoutAction.NEVER) {
            return Duration.ofMillis(DEFAULT_ACTION_TIMEOUT_MS);
        }
        return null;
    }

    /** The {@code optimize} attribute. */
    public enum Optimize {
        MTOM, SWA;

        public String xmlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happens when the timeout fires. */
    public enum TimeoutAction {
        NEVER, DISCARD, FAULT;

        public String xmlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code <enableAddressing>}; null fields were not given. */
    public record Addressing(String version, Boolean separateListener) {}

    /** {@code <enableSec>}: policy keys; null fields were not given. */
    public record Security(String policy, String inboundPolicy, String outboundPolicy) {}

    /** {@code <timeout>}; null fields were not given. */
    public record Timeout(Long durationMs, TimeoutAction action) {}

    /** {@code <markForSuspension>}: when an error only marks the endpoint as timed out. */
    public record MarkForSuspension(List<Integer> errorCodes, Integer retriesBeforeSuspension, Long retryDelayMs) {
        public MarkForSuspension {
            errorCodes = errorCodes == null ? null : List.copyOf(errorCodes);
        }
    }

    /** {@code <suspendOnFailure>}: when and for how long an error suspends the endpoint. */
    public record SuspendOnFailure(List<Integer> errorCodes, Long initialDurationMs, Double progressionFactor,
            Long maximumDurationMs) {
        public SuspendOnFailure {
            errorCodes = errorCodes == null ? null : List.copyOf(errorCodes);
        }
    }

    /** {@code <retryConfig>}: error codes a group endpoint must not (or may only) retry on. */
    public record RetryConfig(List<Integer> disabledErrorCodes, List<Integer> enabledErrorCodes) {
        public RetryConfig {
            disabledErrorCodes = disabledErrorCodes == null ? null : List.copyOf(disabledErrorCodes);
            enabledErrorCodes = enabledErrorCodes == null ? null : List.copyOf(enabledErrorCodes);
        }
    }
}
