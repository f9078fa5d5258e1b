package io.ganglion.engine.endpoint;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import org.apache.axiom.om.OMElement;

/**
 * Reads {@code <endpoint>} elements (inline types and key references) and writes endpoints back.
 * PLACEHOLDER until the endpoint types land. Thread-safe: immutable.
 */
public final class EndpointRegistry {

    private static final EndpointRegistry DEFAULT = new EndpointRegistry();

    /** The registry with every built-in endpoint type. */
    public static EndpointRegistry defaults() {
        return DEFAULT;
    }

    /** Reads an {@code <endpoint>} element. */
    public Endpoint read(OMElement endpointElement, ReadContext ctx) {
        throw ctx.error(endpointElement, "endpoints are not supported yet");
    }

    /** Writes an endpoint as an {@code <endpoint>} element. */
    public OMElement write(Endpoint endpoint, WriteContext ctx) {
        throw new UnsupportedOperationException("endpoints are not supported yet");
    }
}
