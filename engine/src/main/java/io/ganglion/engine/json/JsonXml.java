package io.ganglion.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.ganglion.engine.message.PayloadException;
import io.ganglion.engine.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMElement;

/**
 * JSON to XML and back, in WSO2's mapping, so that XPath, XSLT and every XML mediator work on
 * JSON messages and the result is written back as the same JSON.
 *
 * <p>JSON to XML:
 * <ul>
 *   <li>an object becomes {@code <jsonObject>} with one child element per member, in order;
 *       nested objects become nested elements; member names go through {@link JsonNames};</li>
 *   <li>an array member {@code "a":[..]} becomes repeated {@code <a>} elements preceded by
 *       {@code <?xml-multiple a?>}, which keeps single-element and empty arrays arrays;</li>
 *   <li>a top-level array becomes {@code <jsonArray><?xml-multiple jsonElement?><jsonElement>..}
 *       and an array directly inside an array becomes {@code <jsonElement><jsonArray>..</jsonArray>}
 *       (likewise for a repeated member element); a top-level scalar becomes {@code <jsonValue>};</li>
 *   <li>numbers and booleans become their text; strings become their text, preceded by
 *       {@code <?json-string?>} when the text would read back as a number or boolean;
 *       null becomes an empty element with {@code xsi:nil="true"}; an empty nested object
 *       becomes an element holding {@code <?json-object?>}; an empty string an empty element.</li>
 * </ul>
 *
 * <p>XML to JSON reverses this exactly for documents rooted at {@code jsonObject},
 * {@code jsonArray} or {@code jsonValue}. Any other element converts as WSO2 does:
 * {@code <order><id>1</id></order>} gives {@code {"order":{"id":1}}}; attributes become
 * {@code "@name"} members, repeated children (or children announced by {@code <?xml-multiple?>})
 * arrays, text next to attributes or children {@code "$"}; text that reads as a JSON number or
 * boolean becomes one; an empty element is null. Namespaces are dropped (local names only).
 *
 * <p>The marker processing instructions are invisible to XPath string values and are left out
 * when the tree is written as XML. Thread-safe: the factories are configured once.
 */
public final class JsonXml {

    /** Root of a converted JSON object. */
    public static final String OBJECT = "jsonObject";
    /** Root of a converted JSON array. */
    public static final String ARRAY = "jsonArray";
    /** Items of a converted JSON array. */
    public static final String ELEMENT = "jsonElement";
    /** Root of a converted top-level JSON scalar. */
    public static final String VALUE = "jsonValue";
    /** Marks the following elements of the named element as an array (WSO2). */
    public static final String PI_MULTIPLE = "xml-multiple";
    /** Marks the text of its element as a JSON string. */
    public static final String PI_STRING = "json-string";
    /** Marks its (otherwise empty) element as an empty JSON object. */
    public static final String PI_OBJECT = "json-object";
    /** Deepest JSON nesting accepted. */
    public static final int MAX_DEPTH = SecureXml.MAX_DEPTH;
    /** Longest JSON string, in characters. */
    public static final int MAX_STRING = SecureXml.MAX_TEXT;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .build())
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private JsonXml() {}

    /**
     * Converts JSON bytes (UTF-8, or UTF-16/32 detected from the bytes) to XML.
     *
     * @throws PayloadException (400) when the JSON is malformed or over a limit
     */
    public static OMElement toXml(byte[] json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return JsonToXml.convert(p, OMAbstractFactory.getOMFactory());
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Converts JSON text to XML; see {@link #toXml(byte[])}. */
    public static OMElement toXml(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return JsonToXml.convert(p, OMAbstractFactory.getOMFactory());
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** True when {@code element} is the root of a converted JSON document. */
    public static boolean isJsonRoot(OMElement element) {
        if (element == null || element.getNamespaceURI() != null && !element.getNamespaceURI().isEmpty()) {
            return false;
        }
        String n = element.getLocalName();
        return n.equals(OBJECT) || n.equals(ARRAY) || n.equals(VALUE);
    }

    /** True for the target of one of the marker processing instructions above. */
    public static boolean isMarker(String piTarget) {
        return PI_MULTIPLE.equals(piTarget) || PI_STRING.equals(piTarget) || PI_OBJECT.equals(piTarget);
    }

    /** Writes {@code element} as JSON to a generator. */
    public static void writeJson(OMElement element, JsonGenerator out) throws IOException {
        XmlToJson.write(element, out);
    }

    /** {@code element} as UTF-8 JSON bytes. */
    public static byte[] toJsonBytes(OMElement element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            XmlToJson.write(element, g);
        } catch (IOException e) {
            throw new IllegalStateException("could not write JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Writes {@code element} as JSON text to a writer (for charsets other than UTF-8). */
    public static void writeJson(OMElement element, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            XmlToJson.write(element, g);
        }
    }

    /** {@code element} as JSON text. */
    public static String toJsonString(OMElement element) {
        return new String(toJsonBytes(element), StandardCharsets.UTF_8);
    }

    /** {@code element} as a JSON tree (for JSONPath). */
    public static JsonNode toJsonTree(OMElement element) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            XmlToJson.write(element, buffer);
            try (JsonParser p = buffer.asParser()) {
                return MAPPER.readTree(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not convert XML to JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses JSON bytes into a tree, with the same limits.
     *
     * @throws PayloadException (400) when the JSON is malformed or over a limit
     */
    public static JsonNode parseTree(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node == null ? MAPPER.missingNode() : node;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Compact JSON text of a tree. */
    public static String toText(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared mapper (configured with the limits above). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static PayloadException malformed(IOException e) {
        String what = e instanceof StreamConstraintsException ? "JSON over a limit: " : "malformed JSON: ";
        String msg;
        if (e instanceof JsonProcessingException jpe) {
            msg = jpe.getOriginalMessage().replaceAll(", from `[^`]*`", "");
            JsonLocation at = jpe.getLocation();
            if (at != null && at.getLineNr() > 0) {
                msg = msg + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            }
        } else {
            msg = String.valueOf(e.getMessage());
        }
        return new PayloadException(400, what + msg, e);
    }
}
