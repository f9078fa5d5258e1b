package io.ganglion.engine.config;

/** A configuration error at a known place; the artifact is rejected and the message names the place. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    public ConfigException(Location location, String message) {
        super(message);
        this.location = location;
    }

    public ConfigException(Location location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** Where the problem is, or null. */
    public Location location() {
        return location;
    }

    /** The problem in {@code path:line:column: message} form. */
    public ConfigProblem toProblem() {
        return new ConfigProblem(location, getMessage());
    }
}
