package io.ganglion.engine.message.format;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads and classifies Content-Type values. Thread-safe: stateless. */
public final class ContentTypes {

    public static final String SOAP11 = "text/xml";
    public static final String SOAP12 = "application/soap+xml";
    public static final String XML = "application/xml";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String OCTETS = "application/octet-stream";

    private ContentTypes() {}

    /** The media type in lower case without parameters ("" for null). */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** A parameter's value (quotes removed), or null. */
    public static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    /** The charset parameter, or {@code fallback} when absent or unknown. */
    public static Charset charset(String contentType, Charset fallback) {
        String cs = parameter(contentType, "charset");
        if (cs == null || cs.isEmpty()) {
            return fallback;
        }
        try {
            return Charset.forName(cs);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The charset parameter, or UTF-8. */
    public static Charset charset(String contentType) {
        return charset(contentType, StandardCharsets.UTF_8);
    }

    /** application/json, text/json and any {@code +json} type. */
    public static boolean isJson(String mediaType) {
        return mediaType.equals(JSON) || mediaType.equals("text/json") || mediaType.endsWith("+json");
    }

    /** application/xml, text/xml and any {@code +xml} type (SOAP 1.2 included). */
    public static boolean isXml(String mediaType) {
        return mediaType.equals(XML) || mediaType.equals(SOAP11) || mediaType.endsWith("+xml");
    }

    /** Types whose bytes are text, which get a charset parameter when written. */
    public static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || isXml(mediaType) || isJson(mediaType) || mediaType.equals(FORM);
    }
}
