package io.ganglion.engine.mediator;

/** A mediator failed; the message goes to the nearest fault handler with ERROR_* set. */
public class MediationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errorCode;

    public MediationException(String message) {
        this(0, message, null);
    }

    public MediationException(String message, Throwable cause) {
        this(0, message, cause);
    }

    public MediationException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The Synapse error code for ERROR_CODE, or 0 when none applies. */
    public int errorCode() {
        return errorCode;
    }
}
