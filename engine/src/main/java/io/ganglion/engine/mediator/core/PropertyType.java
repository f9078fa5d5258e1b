package io.ganglion.engine.mediator.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.engine.xml.SecureXml;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.stream.XMLStreamReader;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMXMLBuilderFactory;

/**
 * The {@code type} of a property mediator: how its string value is turned into the stored object.
 * Thread-safe: immutable.
 */
public enum PropertyType {
    STRING, BOOLEAN, DOUBLE, FLOAT, INTEGER, LONG, SHORT,
    /** An XML element ({@link OMElement}). */
    OM,
    /** A JSON value (Jackson {@link JsonNode}), as WSO2's JSON type. */
    JSON;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    public String xmlName() {
        return name();
    }

    /**
     * Converts a string to this type.
     *
     * @throws IllegalArgumentException with a message naming the type when the text does not convert
     */
    public Object convert(String text) {
        try {
            return switch (this) {
                case STRING -> text;
                // As Synapse: anything but "true" (any case) is false, never an error.
                case BOOLEAN -> Boolean.valueOf(text.trim());
                case DOUBLE -> Double.valueOf(text.trim());
                case FLOAT -> Float.valueOf(text.trim());
                case INTEGER -> Integer.valueOf(text.trim());
                case LONG -> Long.valueOf(text.trim());
                case SHORT -> Short.valueOf(text.trim());
                case OM -> parseXml(text);
                case JSON -> JSON_MAPPER.readTree(text);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + name().toLowerCase(Locale.ROOT), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("'" + text + "' is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A copy safe to hand to one message: XML and JSON trees are mutable, other values are not. */
    static Object copyOf(Object value) {
        if (value instanceof OMElement e) {
            return e.cloneOMElement();
        }
        if (value instanceof JsonNode n) {
            return n.deepCopy();
        }
        return value;
    }

    private static OMElement parseXml(String text) {
        try {
            XMLStreamReader reader = SecureXml.newReader(new StringReader(text.trim()));
            OMElement root = OMXMLBuilderFactory.createStAXOMBuilder(reader).getDocumentElement();
            root.build();
            return root;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
