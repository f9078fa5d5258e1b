package io.ganglion.engine.message;

/** A payload could not be parsed or is over a limit; the client gets 400 (or 413). */
public final class PayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public PayloadException(String message, Throwable cause) {
        this(400, message, cause);
    }

    public PayloadException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the client should get. */
    public int status() {
        return status;
    }
}
