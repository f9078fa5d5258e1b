package io.ganglion.engine.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percent-encoding helpers for request paths and queries (RFC 3986). Paths are matched in a
 * normalized form in which escapes of unreserved characters are decoded and all other escapes are
 * upper case, so {@code /a%7e} and {@code /a~} match the same template while {@code %2F} stays
 * inside one segment. Thread-safe: stateless.
 */
final class UriCodec {

    private static final String HEX = "0123456789ABCDEF";

    private UriCodec() {}

    /** True for RFC 3986 unreserved characters. */
    static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isReserved(char c) {
        return ":/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Decodes escapes of unreserved characters and upper-cases the hex of the others. */
    static String normalize(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                char d = (char) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                if (isUnreserved(d)) {
                    sb.append(d);
                } else {
                    sb.append('%').append(Character.toUpperCase(raw.charAt(i + 1)))
                            .append(Character.toUpperCase(raw.charAt(i + 2)));
                }
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A template literal in the normalized form of a request path: characters that may not appear
     * in a URI (spaces, non-ASCII) are percent-encoded as UTF-8.
     */
    static String encodeLiteral(String literal) {
        StringBuilder sb = new StringBuilder(literal.length());
        for (byte b : literal.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (isUnreserved(c) || isReserved(c) || c == '%')) {
                sb.append(c);
            } else {
                sb.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
        }
        return normalize(sb.toString());
    }

    /** Percent-decodes a path value as UTF-8; '+' stays '+'. Malformed escapes are kept as they are. */
    static String decodePath(String raw) {
        return decode(raw, false);
    }

    /** Decodes a query name or value: '+' is a space, escapes are UTF-8. */
    static String decodeForm(String raw) {
        return decode(raw, true);
    }

    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    b = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The query's parameters, decoded, first value of each name kept (Synapse's
     * {@code query.param.*}). A parameter without '=' has the empty value.
     */
    static Map<String, String> parseQuery(String query) {
        if (query == null || query.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> params = new LinkedHashMap<>();
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            if (end > start) {
                String pair = query.substring(start, end);
                int eq = pair.indexOf('=');
                String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
                params.putIfAbsent(name, value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return params;
    }
}
