package io.ganglion.server;

/** The server cannot start: a bad deployment.toml, a port in use. The message is shown as it is. */
public final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
