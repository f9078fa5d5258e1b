package io.ganglion.engine.runtime;

import io.ganglion.engine.mediator.Mediator;

/**
 * What a request was dispatched to (an API resource or a proxy service): the sequences for its
 * request, its response and its faults. Thread-safe: immutable.
 */
public interface MediationFlow {

    /** A name for logs, e.g. {@code api:OrdersAPI} or {@code proxy:StockQuote}. */
    String flowName();

    /** The request sequence, or null. */
    Mediator inSequence();

    /** The response sequence, or null (the response then goes back to the client as it is). */
    Mediator outSequence();

    /** The fault sequence, or null (the global {@code fault} sequence is used). */
    Mediator faultSequence();

    /** The endpoint to send the request to after the in sequence (proxy targets), or null. */
    default io.ganglion.engine.endpoint.Endpoint endpoint() {
        return null;
    }
}
