package io.ganglion.engine.endpoint.request;

import java.nio.charset.StandardCharsets;

/** RFC 3986 character classes and percent-encoding. Thread-safe: stateless. */
public final class UriChars {

    private static final String RESERVED = ":/?#[]@!$&'()*+,;=";
    private static final String HEX = "0123456789ABCDEF";

    private UriChars() {}

    /** ALPHA / DIGIT / "-" / "." / "_" / "~". */
    public static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** gen-delims and sub-delims. */
    public static boolean isReserved(char c) {
        return RESERVED.indexOf(c) >= 0;
    }

    /**
     * Percent-encodes {@code s} as UTF-8, keeping unreserved characters and, when
     * {@code allowReserved}, reserved characters and existing {@code %XX} triplets.
     */
    public static String encode(String s, boolean allowReserved) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            char c = (char) b;
            if (b < 128 && (isUnreserved(c) || (allowReserved && isReserved(c)))) {
                out.append(c);
            } else if (allowReserved && c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.append('%').append((char) bytes[i + 1]).append((char) bytes[i + 2]);
                i += 2;
            } else {
                out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
            }
        }
        return out.toString();
    }

    /**
     * Percent-encodes (UTF-8) every character outside RFC 3986's unreserved and reserved sets,
     * keeping existing {@code %XX} triplets: what a client library does with an address typed by a
     * person.
     */
    public static String encodeIllegal(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean triplet = c == '%' && i + 2 < s.length() && isHex((byte) s.charAt(i + 1))
                    && isHex((byte) s.charAt(i + 2));
            if (c < 128 && (isUnreserved(c) || isReserved(c) || triplet)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            int cp = s.codePointAt(i);
            if (Character.charCount(cp) == 2) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
