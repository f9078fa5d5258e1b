package io.ganglion.engine.endpoint.health;

import java.time.Instant;

/**
 * A snapshot of one leaf endpoint's health, for management and logs.
 *
 * @param path the endpoint's name, or for an anonymous child its parent's path plus {@code [index]}
 * @param type the leaf type, e.g. {@code address}
 * @param target the address this state is about (for {@code default} endpoints one per target), or null
 * @param state the current state
 * @param nextRetry when a SUSPENDED or TIMEOUT endpoint may be tried again, or null
 * @param remainingRetries timeout-class errors left before suspension
 * @param lastErrorCode the last error's code, or 0
 * @param lastErrorMessage the last error's message, or null
 * @param lastErrorAt when the last error happened, or null
 * @param sent requests handed to the transport
 * @param responses responses received (any HTTP status)
 * @param failures transport failures
 * @param rejected messages refused because the endpoint was not ready
 * @param suspensions how often the endpoint was suspended
 * @param activeChecks whether an active health check watches it
 */
public record EndpointStatus(String path, String type, String target, EndpointState state, Instant nextRetry,
        int remainingRetries, int lastErrorCode, String lastErrorMessage, Instant lastErrorAt, long sent,
        long responses, long failures, long rejected, long suspensions, boolean activeChecks) {}
