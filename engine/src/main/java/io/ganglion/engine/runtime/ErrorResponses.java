package io.ganglion.engine.runtime;

import io.ganglion.engine.spi.OutboundResponse;
import java.nio.charset.StandardCharsets;

/**
 * The small error bodies the engine answers with when no sequence produced a response: JSON when
 * the client accepts JSON first, XML otherwise. Thread-safe: stateless.
 */
public final class ErrorResponses {

    private ErrorResponses() {}

    /** An error response for {@code status} with a Synapse error code and a message. */
    public static OutboundResponse of(int status, int code, String message, String accept) {
        String msg = message == null ? "" : message;
        boolean json = accept != null && prefersJson(accept);
        String body;
        String type;
        if (json) {
            body = "{\"error\":{\"code\":" + code + ",\"status\":" + status + ",\"message\":\"" + jsonEscape(msg) + "\"}}";
            type = "application/json";
        } else {
            body = "<error><code>" + code + "</code><status>" + status + "</status><message>" + xmlEscape(msg)
                    + "</message></error>";
            type = "application/xml";
        }
        return OutboundResponse.of(status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean prefersJson(String accept) {
        int j = accept.indexOf("json");
        int x = accept.indexOf("xml");
        return j >= 0 && (x < 0 || j < x);
    }

    static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
