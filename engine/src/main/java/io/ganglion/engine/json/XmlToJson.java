package io.ganglion.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.axiom.om.OMAttribute;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMNode;
import org.apache.axiom.om.OMProcessingInstruction;
import org.apache.axiom.om.OMText;

/**
 * Writes an Axiom element as JSON in the mapping described on {@link JsonXml}.
 * Thread-safe: stateless.
 */
final class XmlToJson {

    private XmlToJson() {}

    static void write(OMElement el, JsonGenerator g) throws IOException {
        if (isPlain(el, JsonXml.OBJECT)) {
            g.writeStartObject();
            members(el, scan(el), g, true);
            g.writeEndObject();
        } else if (isPlain(el, JsonXml.ARRAY)) {
            array(el, g);
        } else if (isPlain(el, JsonXml.VALUE)) {
            value(el, g, true);
        } else {
            g.writeStartObject();
            g.writeFieldName(JsonNames.fromXml(el.getLocalName()));
            value(el, g, false);
            g.writeEndObject();
        }
    }

    /** What an element holds, collected in one pass over its children. */
    private static final class Content {
        final List<OMElement> elements = new ArrayList<>(4);
        final Set<String> arrays = new HashSet<>(2);
        final Map<String, List<OMElement>> groups = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        boolean stringMarker;
        boolean objectMarker;
        boolean attributes;
    }

    private static Content scan(OMElement el) {
        Content c = new Content();
        for (Iterator<OMAttribute> it = el.getAllAttributes(); it.hasNext();) {
            if (!isNil(it.next())) {
                c.attributes = true;
                break;
            }
        }
        boolean announceNext = false;
        for (OMNode n = el.getFirstOMChild(); n != null; n = n.getNextOMSibling()) {
            if (n instanceof OMElement child) {
                c.elements.add(child);
                String name = child.getLocalName();
                c.groups.computeIfAbsent(name, k -> new ArrayList<>(2)).add(child);
                if (announceNext) {
                    c.arrays.add(name);
                    announceNext = false;
                }
            } else if (n instanceof OMText t) {
                c.text.append(t.getText());
            } else if (n instanceof OMProcessingInstruction pi) {
                String target = pi.getTarget();
                if (JsonXml.PI_MULTIPLE.equals(target)) {
                    String name = pi.getValue() == null ? "" : pi.getValue().trim();
                    if (name.isEmpty()) {
                        announceNext = true;
                    } else {
                        c.arrays.add(name);
                        c.groups.computeIfAbsent(name, k -> new ArrayList<>(2));
                    }
                } else if (JsonXml.PI_STRING.equals(target)) {
                    c.stringMarker = true;
                } else if (JsonXml.PI_OBJECT.equals(target)) {
                    c.objectMarker = true;
                }
            }
        }
        return c;
    }

    private static void value(OMElement el, JsonGenerator g, boolean jsonOrigin) throws IOException {
        if (isNilled(el)) {
            g.writeNull();
            return;
        }
        Content c = scan(el);
        if (c.elements.size() == 1 && !c.attributes && c.text.toString().isBlank()
                && !c.arrays.contains(JsonXml.ARRAY) && isArrayHolder(c.elements.get(0))) {
            array(c.elements.get(0), g);
            return;
        }
        if (c.elements.isEmpty() && !c.attributes && c.arrays.isEmpty()) {
            String text = c.text.toString();
            if (c.objectMarker) {
                g.writeStartObject();
                g.writeEndObject();
            } else if (text.isEmpty()) {
                if (jsonOrigin) {
                    g.writeString("");
                } else {
                    g.writeNull();
                }
            } else if (c.stringMarker) {
                g.writeString(text);
            } else {
                primitive(text, g);
            }
            return;
        }
        g.writeStartObject();
        members(el, c, g, jsonOrigin);
        g.writeEndObject();
    }

    private static void members(OMElement el, Content c, JsonGenerator g, boolean jsonOrigin) throws IOException {
        for (Iterator<OMAttribute> it = el.getAllAttributes(); it.hasNext();) {
            OMAttribute a = it.next();
            if (!isNil(a)) {
                g.writeFieldName("@" + JsonNames.fromXml(a.getLocalName()));
                primitive(a.getAttributeValue(), g);
            }
        }
        for (Map.Entry<String, List<OMElement>> e : c.groups.entrySet()) {
            g.writeFieldName(JsonNames.fromXml(e.getKey()));
            List<OMElement> list = e.getValue();
            if (list.size() == 1 && !c.arrays.contains(e.getKey())) {
                value(list.get(0), g, jsonOrigin);
            } else {
                g.writeStartArray();
                for (OMElement item : list) {
                    value(item, g, jsonOrigin);
                }
                g.writeEndArray();
            }
        }
        String text = c.elements.isEmpty() ? c.text.toString() : c.text.toString().trim();
        if (!text.isEmpty() && !isPlain(el, JsonXml.OBJECT)) {
            g.writeFieldName("$");
            primitive(text, g);
        }
    }

    private static void array(OMElement holder, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (Iterator<OMElement> it = holder.getChildElements(); it.hasNext();) {
            value(it.next(), g, true);
        }
        g.writeEndArray();
    }

    /** A {@code <jsonArray>} standing for an array nested in an array: only jsonElement items. */
    private static boolean isArrayHolder(OMElement el) {
        if (!isPlain(el, JsonXml.ARRAY) || el.getAllAttributes().hasNext()) {
            return false;
        }
        boolean announced = false;
        for (OMNode n = el.getFirstOMChild(); n != null; n = n.getNextOMSibling()) {
            if (n instanceof OMElement child) {
                if (!isPlain(child, JsonXml.ELEMENT)) {
                    return false;
                }
                announced = true;
            } else if (n instanceof OMProcessingInstruction pi && JsonXml.PI_MULTIPLE.equals(pi.getTarget())
                    && JsonXml.ELEMENT.equals(pi.getValue() == null ? null : pi.getValue().trim())) {
                announced = true;
            } else if (n instanceof OMText t && !t.getText().isBlank()) {
                return false;
            }
        }
        return announced;
    }

    private static void primitive(String text, JsonGenerator g) throws IOException {
        if (Primitives.isNumber(text)) {
            if (g instanceof TokenBuffer) {
                writeTypedNumber(text, g);
            } else {
                g.writeNumber(text);
            }
        } else if (Primitives.isBoolean(text)) {
            g.writeBoolean(text.equals("true"));
        } else {
            g.writeString(text);
        }
    }

    /** A token buffer keeps numbers typed (a raw "1" would read back as a float). */
    private static void writeTypedNumber(String text, JsonGenerator g) throws IOException {
        boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        if (!integral) {
            g.writeNumber(new BigDecimal(text));
        } else if (text.length() <= 18) {
            g.writeNumber(Long.parseLong(text));
        } else {
            g.writeNumber(new BigInteger(text));
        }
    }

    private static boolean isPlain(OMElement el, String localName) {
        String ns = el.getNamespaceURI();
        return (ns == null || ns.isEmpty()) && localName.equals(el.getLocalName());
    }

    private static boolean isNil(OMAttribute a) {
        return "nil".equals(a.getLocalName()) && JsonToXml.XSI.equals(a.getNamespaceURI());
    }

    private static boolean isNilled(OMElement el) {
        for (Iterator<OMAttribute> it = el.getAllAttributes(); it.hasNext();) {
            OMAttribute a = it.next();
            if (isNil(a)) {
                String v = a.getAttributeValue().trim();
                return v.equals("true") || v.equals("1");
            }
        }
        return false;
    }
}
