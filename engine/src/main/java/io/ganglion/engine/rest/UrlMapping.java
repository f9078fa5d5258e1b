package io.ganglion.engine.rest;

/**
 * A resource's {@code url-mapping}, matched with the servlet specification's rules: an exact path
 * ({@code /list}) beats the longest path prefix ({@code /orders/*}), which beats an extension
 * ({@code *.xml}), which beats the default mapping ({@code /}). Thread-safe: immutable.
 */
public final class UrlMapping {

    /** The kinds of servlet mapping, weakest first. */
    enum Kind {
        DEFAULT, EXTENSION, PREFIX, EXACT
    }

    private static final int NO_MATCH = -1;

    private final String mapping;
    private final Kind kind;
    /** The exact path, the prefix (without "/*"), or the extension including its dot. */
    private final String value;

    private UrlMapping(String mapping, Kind kind, String value) {
        this.mapping = mapping;
        this.kind = kind;
        this.value = value;
    }

    /**
     * Reads a mapping.
     *
     * @throws IllegalArgumentException when it is none of the four servlet forms
     */
    public static UrlMapping parse(String mapping) {
        String m = mapping.trim();
        if (m.equals("/")) {
            return new UrlMapping(mapping, Kind.DEFAULT, "");
        }
        if (m.startsWith("*.") && m.length() > 2 && m.indexOf('/') < 0 && m.indexOf('*', 1) < 0) {
            return new UrlMapping(mapping, Kind.EXTENSION, UriCodec.encodeLiteral(m.substring(1)));
        }
        if (m.startsWith("/") && m.endsWith("/*") && m.indexOf('*') == m.length() - 1) {
            return new UrlMapping(mapping, Kind.PREFIX, UriCodec.encodeLiteral(m.substring(0, m.length() - 2)));
        }
        if (m.startsWith("/") && m.indexOf('*') < 0) {
            return new UrlMapping(mapping, Kind.EXACT, UriCodec.encodeLiteral(m));
        }
        throw new IllegalArgumentException("url-mapping '" + mapping
                + "' must be an exact path (/list), a path prefix (/orders/*), an extension (*.xml) or /");
    }

    Kind kind() {
        return kind;
    }

    /**
     * How well a path matches: -1 for no match, otherwise higher is more specific (exact, then
     * longer prefixes, then extension, then default).
     *
     * @param path the normalized path after the API context, without query
     */
    int match(String path) {
        switch (kind) {
            case EXACT:
                return path.equals(value) ? Integer.MAX_VALUE : NO_MATCH;
            case PREFIX:
                if (path.equals(value) || (path.startsWith(value) && path.charAt(value.length()) == '/')) {
                    return 1_000_000 + value.length();
                }
                return NO_MATCH;
            case EXTENSION: {
                int slash = path.lastIndexOf('/');
                return path.endsWith(value) && path.length() - value.length() > slash ? 1 : NO_MATCH;
            }
            default:
                return 0;
        }
    }

    /** The mapping as written. */
    @Override
    public String toString() {
        return mapping;
    }
}
