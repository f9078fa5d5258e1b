package io.ganglion.engine.mediator.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A payloadFactory format split once into literal text and {@code $n} placeholders, each knowing
 * where it sits (XML content or attribute, inside or outside a JSON string) so that rendering only
 * escapes and concatenates. Thread-safe: immutable.
 */
final class PayloadTemplate {

    /** Where a placeholder sits, which decides how its value is escaped. */
    enum Slot { XML_CONTENT, XML_ATTRIBUTE, JSON_STRING, JSON_VALUE, TEXT }

    /** One argument's value for one message. */
    record ArgValue(String text, boolean literal) {}

    private record Part(String literal, int arg, Slot slot) {}

    private static final JsonFactory JSON = new JsonFactory();

    private final List<Part> parts;
    private final int length;

    private PayloadTemplate(List<Part> parts, int length) {
        this.parts = List.copyOf(parts);
        this.length = length;
    }

    /** Compiles serialized XML; placeholders may sit in element content or attribute values. */
    static PayloadTemplate xml(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean inTag = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && isDigitAt(text, i + 1) && (!inTag || quote != 0)) {
                i = placeholder(text, i, parts, lit, inTag ? Slot.XML_ATTRIBUTE : Slot.XML_CONTENT);
                continue;
            }
            if (inTag) {
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    inTag = false;
                }
            } else if (c == '<') {
                inTag = true;
            }
            lit.append(c);
        }
        return finish(parts, lit, text.length());
    }

    /** Compiles JSON text; a placeholder inside a string literal is escaped as string content. */
    static PayloadTemplate json(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && isDigitAt(text, i + 1)) {
                i = placeholder(text, i, parts, lit, inString ? Slot.JSON_STRING : Slot.JSON_VALUE);
                continue;
            }
            if (inString && c == '\\' && i + 1 < text.length()) {
                lit.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            lit.append(c);
        }
        return finish(parts, lit, text.length());
    }

    /** Compiles plain text; values are inserted as they are. */
    static PayloadTemplate text(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && isDigitAt(text, i + 1)) {
                i = placeholder(text, i, parts, lit, Slot.TEXT);
            } else {
                lit.append(c);
            }
        }
        return finish(parts, lit, text.length());
    }

    private static boolean isDigitAt(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** Records the placeholder starting at {@code i}; returns the index of its last digit. */
    private static int placeholder(String text, int i, List<Part> parts, StringBuilder lit, Slot slot) {
        int end = i + 1;
        while (isDigitAt(text, end)) {
            end++;
        }
        if (lit.length() > 0) {
            parts.add(new Part(lit.toString(), 0, null));
            lit.setLength(0);
        }
        int n;
        try {
            n = Integer.parseInt(text.substring(i + 1, end));
        } catch (NumberFormatException e) {
            n = Integer.MAX_VALUE;
        }
        parts.add(new Part(text.substring(i, end), n, slot));
        return end - 1;
    }

    private static PayloadTemplate finish(List<Part> parts, StringBuilder lit, int length) {
        if (lit.length() > 0) {
            parts.add(new Part(lit.toString(), 0, null));
        }
        return new PayloadTemplate(parts, length);
    }

    /** The highest placeholder number used (0 when there is none). */
    int highestArg() {
        int max = 0;
        for (Part p : parts) {
            if (p.slot != null && p.arg != Integer.MAX_VALUE) {
                max = Math.max(max, p.arg);
            }
        }
        return max;
    }

    /** Renders with {@code values.get(n - 1)} for {@code $n}; unknown numbers stay as written. */
    String render(List<ArgValue> values) {
        StringBuilder out = new StringBuilder(length + 64);
        for (Part p : parts) {
            if (p.slot == null) {
                out.append(p.literal);
            } else if (p.arg < 1 || p.arg > values.size()) {
                out.append(p.literal);
            } else {
                insert(out, p.slot, values.get(p.arg - 1));
            }
        }
        return out.toString();
    }

    private static void insert(StringBuilder out, Slot slot, ArgValue v) {
        String s = v.text() == null ? "" : v.text();
        switch (slot) {
            case XML_ATTRIBUTE -> escapeXml(out, s, true);
            case XML_CONTENT -> {
                if (!v.literal() && isXmlFragment(s)) {
                    out.append(s);
                } else {
                    escapeXml(out, s, false);
                }
            }
            case JSON_STRING -> escapeJson(out, s);
            case JSON_VALUE -> {
                if (!v.literal() && isJsonValue(s)) {
                    out.append(s);
                } else {
                    out.append('"');
                    escapeJson(out, s);
                    out.append('"');
                }
            }
            default -> out.append(s);
        }
    }

    /** True when the text is well-formed XML markup (one or more elements), not plain text. */
    static boolean isXmlFragment(String s) {
        if (!s.stripLeading().startsWith("<")) {
            return false;
        }
        return XmlSupport.parseIfXml("<fragment>" + s + "</fragment>") != null;
    }

    /** True when the text is exactly one JSON value (object, array, string, number, literal). */
    static boolean isJsonValue(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return false;
        }
        try (JsonParser p = JSON.createParser(t)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    static void escapeXml(StringBuilder out, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                default -> out.append(c);
            }
        }
    }

    static void escapeJson(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
