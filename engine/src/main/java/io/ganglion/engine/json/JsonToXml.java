package io.ganglion.engine.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;
import org.apache.axiom.om.OMNamespace;

/**
 * Streams JSON tokens into an Axiom tree in the mapping described on {@link JsonXml}; no
 * intermediate JSON tree is built. Not thread-safe: one instance per conversion.
 */
final class JsonToXml {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final JsonParser p;
    private final OMFactory f;
    private OMNamespace xsi;

    private JsonToXml(JsonParser p, OMFactory f) {
        this.p = p;
        this.f = f;
    }

    /** Converts the parser's single document; null when the input holds no JSON value at all. */
    static OMElement convert(JsonParser p, OMFactory f) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return null;
        }
        JsonToXml c = new JsonToXml(p, f);
        OMElement root;
        if (t == JsonToken.START_OBJECT) {
            root = f.createOMElement(JsonXml.OBJECT, null);
            c.members(root);
        } else if (t == JsonToken.START_ARRAY) {
            root = f.createOMElement(JsonXml.ARRAY, null);
            c.items(root, JsonXml.ELEMENT);
        } else {
            root = f.createOMElement(JsonXml.VALUE, null);
            c.value(root, t);
        }
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "unexpected content after the JSON document");
        }
        return root;
    }

    /** Reads the members of an object whose START_OBJECT was just read, as children of {@code el}. */
    private void members(OMElement el) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = JsonNames.toXml(p.currentName());
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
                items(el, name);
            } else {
                value(f.createOMElement(name, null, el), v);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "expected a member name or '}'");
        }
    }

    /** Reads the items of an array whose START_ARRAY was just read, as {@code <name>} children of {@code parent}. */
    private void items(OMElement parent, String name) throws IOException {
        f.createOMProcessingInstruction(parent, JsonXml.PI_MULTIPLE, name);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonParseException(p, "unterminated array");
            }
            OMElement item = f.createOMElement(name, null, parent);
            if (t == JsonToken.START_ARRAY) {
                items(f.createOMElement(JsonXml.ARRAY, null, item), JsonXml.ELEMENT);
            } else {
                value(item, t);
            }
        }
    }

    /** Fills {@code el} with the value whose first token is {@code t} (never an array). */
    private void value(OMElement el, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                members(el);
                if (el.getFirstOMChild() == null) {
                    f.createOMProcessingInstruction(el, JsonXml.PI_OBJECT, "");
                }
                break;
            case START_ARRAY:
                items(f.createOMElement(JsonXml.ARRAY, null, el), JsonXml.ELEMENT);
                break;
            case VALUE_STRING: {
                String s = p.getText();
                if (!s.isEmpty()) {
                    if (Primitives.isNumber(s) || Primitives.isBoolean(s)) {
                        f.createOMProcessingInstruction(el, JsonXml.PI_STRING, "");
                    }
                    f.createOMText(el, s);
                }
                break;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                f.createOMText(el, p.getText());
                break;
            case VALUE_NULL:
                if (xsi == null) {
                    xsi = f.createOMNamespace(XSI, "xsi");
                }
                el.addAttribute("nil", "true", xsi);
                break;
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }
}
