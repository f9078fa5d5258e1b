package io.ganglion.engine.message.format;

import io.ganglion.engine.json.JsonNames;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;

/**
 * {@code application/x-www-form-urlencoded} to {@code <xformValues>} and back; parameter names
 * become element names through {@link JsonNames}. Thread-safe: stateless.
 */
final class FormCodec {

    private FormCodec() {}

    /** Parses a form body (its bytes read as ISO-8859-1, so percent-escapes decode with {@code charset}). */
    static OMElement parse(String body, Charset charset) {
        OMFactory f = OMAbstractFactory.getOMFactory();
        OMElement root = f.createOMElement(MessageBuilder.FORM, null);
        for (String pair : body.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            OMElement el = f.createOMElement(JsonNames.toXml(name.trim()), null, root);
            if (!value.isEmpty()) {
                el.setText(value);
            }
        }
        return root;
    }

    /** Writes the child elements of {@code root} as {@code name=value&...}. */
    static String format(OMElement root, Charset charset) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<OMElement> it = root.getChildElements(); it.hasNext();) {
            OMElement el = it.next();
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(JsonNames.fromXml(el.getLocalName()), charset))
                    .append('=')
                    .append(URLEncoder.encode(el.getText(), charset));
        }
        return sb.toString();
    }

    private static String decode(String latin1, Charset charset) {
        // undo the ISO-8859-1 reading first, so raw non-ASCII bytes survive next to %XX escapes
        String text = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), charset);
        try {
            return URLDecoder.decode(text, charset);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
