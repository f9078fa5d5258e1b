package io.ganglion.engine.config;

/**
 * A place in a configuration file, printed as {@code path:line:column}.
 *
 * @param file the file's path as the user gave it (relative to the repository when possible)
 * @param line 1-based line, or -1 when unknown
 * @param column 1-based column, or -1 when unknown
 */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1);
    }
}
