package io.ganglion.engine.endpoint.health;

/**
 * The states of a leaf endpoint, as Synapse's {@code EndpointContext}: ACTIVE sends; TIMEOUT has
 * seen timeout-class errors and sends while retries remain; SUSPENDED refuses messages until its
 * suspension ends; OFF was switched off by an operator and stays off until switched on.
 */
public enum EndpointState {
    ACTIVE, TIMEOUT, SUSPENDED, OFF
}
