package io.ganglion.engine.endpoint;

/** Endpoints the engine needs without configuration. PLACEHOLDER until the endpoint types land. */
public final class Endpoints {

    private Endpoints() {}

    /** The endpoint {@code <send/>} uses when it names none: the message's To address, as it is. */
    public static Endpoint implicitTo() {
        throw new UnsupportedOperationException("the implicit To endpoint is not implemented yet");
    }
}
