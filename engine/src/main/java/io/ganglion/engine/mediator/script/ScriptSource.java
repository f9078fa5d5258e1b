package io.ganglion.engine.mediator.script;

import io.ganglion.engine.config.Location;

/**
 * The text of one script and where it came from, so that an error on a script line can be told as
 * a line of the configuration file. Thread-safe: immutable.
 *
 * @param name what the script is, for messages: {@code inline script} or {@code local entry 'k'}
 * @param text the JavaScript source
 * @param origin where the text's first character sits in its file (inline scripts), or null
 * @param fallback where to report a problem when {@code origin} is null (the local entry), or null
 */
public record ScriptSource(String name, String text, Location origin, Location fallback) {

    /** An inline script whose text starts at {@code origin}. */
    public static ScriptSource inline(String text, Location origin) {
        return new ScriptSource("inline script", text, origin, origin);
    }

    /** The script held by the local entry {@code key}, defined at {@code entryLocation}. */
    public static ScriptSource localEntry(String key, String text, Location entryLocation) {
        return new ScriptSource("local entry '" + key + "'", text, null, entryLocation);
    }

    /**
     * The file location of a script line and column (both 1-based, as Rhino reports them), or the
     * fallback when the script's place in a file is unknown. Line breaks map one to one; the
     * column is exact except on the line that opens a CDATA section.
     */
    public Location locate(int line, int column) {
        if (origin == null) {
            return fallback;
        }
        if (line <= 0) {
            return origin;
        }
        int fileLine = origin.line() + line - 1;
        int fileColumn = column <= 0 ? 1 : line == 1 ? origin.column() + column - 1 : column;
        return new Location(origin.file(), fileLine, fileColumn);
    }

    /** A phrase saying where a script line is, for messages about scripts whose place is unknown. */
    public String where(int line, int column) {
        if (origin != null) {
            return "";
        }
        return " (" + name + ", line " + line + (column > 0 ? ", column " + column : "") + ")";
    }
}
