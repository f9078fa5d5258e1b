package io.ganglion.engine.spi;

import java.io.IOException;

/**
 * A backend's response body failed after its head was delivered (the connection closed or timed
 * out mid-body, or the body exceeded the limit it was read with). {@link RawBody#readAll} fails with
 * it, so the engine can treat it as the failed send it is: ERROR_CODE and the fault sequence.
 */
public final class SendFailureException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient SendFailure failure;

    public SendFailureException(SendFailure failure) {
        super(failure.message(), failure.cause());
        this.failure = failure;
    }

    /** The classification of the failure, with a Synapse error code. */
    public SendFailure failure() {
        return failure;
    }
}
