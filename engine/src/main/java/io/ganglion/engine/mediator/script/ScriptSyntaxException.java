package io.ganglion.engine.mediator.script;

/**
 * A script that does not compile, with the script-relative line and column of the first error.
 * Readers turn it into a located configuration error.
 */
public final class ScriptSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public ScriptSyntaxException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line in the script, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column in the script, or 0 when unknown. */
    public int column() {
        return column;
    }
}
