package io.ganglion.engine.spi;

/**
 * The body the engine hands to a transport: nothing, bytes the engine produced, or a wire body
 * relayed untouched (pass-through).
 */
public sealed interface OutboundBody {

    /** Content-Type of the body, or null. */
    String contentType();

    /** No body. */
    record None() implements OutboundBody {
        @Override
        public String contentType() {
            return null;
        }
    }

    /** Bytes serialized by the engine. */
    record Bytes(byte[] bytes, String contentType) implements OutboundBody {}

    /**
     * A body received from one peer and relayed as it is to another: the transports stream it
     * through a bounded buffer when nobody read it, or send the bytes when it was read.
     */
    record Relay(RawBody body) implements OutboundBody {
        @Override
        public String contentType() {
            return body.contentType();
        }
    }

    OutboundBody NONE = new None();
}
