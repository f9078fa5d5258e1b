package io.ganglion.engine.endpoint;

import io.ganglion.engine.endpoint.dynamic.ImplicitToEndpoint;

/** Endpoints the engine needs without configuration. */
public final class Endpoints {

    private Endpoints() {}

    /**
     * The endpoint {@code <send/>} uses when it names none: the message's To address, as it is.
     * Sending throws {@link io.ganglion.engine.mediator.MediationException} when To is missing or
     * not an absolute http(s) URL.
     */
    public static Endpoint implicitTo() {
        return ImplicitToEndpoint.INSTANCE;
    }
}
