package io.ganglion.engine.endpoint.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@code method} attribute of an {@code <http>} endpoint. Thread-safe: immutable. */
public enum HttpMethod {
    GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS,
    /** WSO2's explicit "use the request's method". */
    LEAVE_AS_IS;

    public String xmlName() {
        return this == LEAVE_AS_IS ? "leave-as-is" : name().toLowerCase(Locale.ROOT);
    }

    /** The method to send, or null when the request's own method is kept. */
    public String wireName() {
        return this == LEAVE_AS_IS ? null : name();
    }

    /** Parses an attribute value (case-insensitive); null when unknown. */
    public static HttpMethod fromXml(String value) {
        String v = value.trim();
        for (HttpMethod m : values()) {
            if (m.xmlName().equalsIgnoreCase(v)) {
                return m;
            }
        }
        return null;
    }

    /** The accepted values, for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(HttpMethod::xmlName).collect(Collectors.joining(", "));
    }
}
