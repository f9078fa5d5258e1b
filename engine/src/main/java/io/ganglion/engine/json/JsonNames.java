package io.ganglion.engine.json;

/**
 * Reversible mapping between JSON member names and XML element names.
 *
 * <p>A name that is a valid XML NCName and holds no {@code "_x"} is used as it is. Otherwise each
 * UTF-16 unit that may not stand at its position (a leading digit, a space, {@code $}, {@code @},
 * {@code :}, a surrogate...) and the {@code _} of every {@code "_x"} is written as
 * {@code _xHHHH_} (four upper-case hex digits), the convention of .NET's
 * {@code XmlConvert.EncodeName}: {@code "1st"} becomes {@code _x0031_st}, {@code "first name"}
 * becomes {@code first_x0020_name}, {@code "$"} becomes {@code _x0024_}. The empty name is
 * written {@code _x_}. Decoding reverses exactly these rules, so every JSON key survives a round
 * trip. Thread-safe: stateless.
 */
public final class JsonNames {

    private static final String EMPTY = "_x_";

    private JsonNames() {}

    /** The XML element name for a JSON member name. */
    public static String toXml(String key) {
        if (key.isEmpty()) {
            return EMPTY;
        }
        if (!needsEncoding(key)) {
            return key;
        }
        StringBuilder sb = new StringBuilder(key.length() + 16);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean escapeUnderscore = c == '_' && i + 1 < key.length() && key.charAt(i + 1) == 'x';
            boolean valid = i == 0 ? isNameStart(c) : isNameChar(c);
            if (valid && !escapeUnderscore) {
                sb.append(c);
            } else {
                appendEscape(sb, c);
            }
        }
        return sb.toString();
    }

    /** The JSON member name for an XML element (or attribute) local name. */
    public static String fromXml(String name) {
        if (name.indexOf("_x") < 0) {
            return name;
        }
        if (name.equals(EMPTY)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            if (i + 7 <= name.length() && name.charAt(i) == '_' && name.charAt(i + 1) == 'x'
                    && name.charAt(i + 6) == '_' && isHex(name, i + 2, i + 6)) {
                sb.append((char) Integer.parseInt(name.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                sb.append(name.charAt(i++));
            }
        }
        return sb.toString();
    }

    /** True when {@code name} is a valid XML NCName (no colon). */
    public static boolean isNcName(String name) {
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEncoding(String key) {
        return !isNcName(key) || key.contains("_x");
    }

    private static void appendEscape(StringBuilder sb, char c) {
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        sb.append("_x");
        for (int pad = hex.length(); pad < 4; pad++) {
            sb.append('0');
        }
        sb.append(hex).append('_');
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    // XML 1.0 (fifth edition) NameStartChar without ':' and without the supplementary planes:
    // surrogates are escaped so that every parser accepts the result.
    private static boolean isNameStart(char c) {
        if (c < 0x80) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        }
        return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);
    }

    private static boolean isNameChar(char c) {
        if (c < 0x80) {
            return isNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9');
        }
        return isNameStart(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }
}
