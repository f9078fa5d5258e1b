package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.message.format.MessageBuilder;
import io.ganglion.engine.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMAttribute;
import org.apache.axiom.om.OMDocument;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;
import org.apache.axiom.om.OMNode;
import org.apache.axiom.om.OMText;
import org.apache.axiom.om.OMXMLBuilderFactory;
import org.apache.axiom.soap.SOAPEnvelope;
import org.apache.axiom.soap.SOAPFactory;
import org.apache.axiom.soap.SOAPVersion;

/** XML helpers shared by the transform mediators: parsing, XPath results, payload replacement. */
final class XmlSupport {

    static final String SOAP11_NS = SOAPVersion.SOAP11.getEnvelopeURI();
    static final String SOAP12_NS = SOAPVersion.SOAP12.getEnvelopeURI();

    private XmlSupport() {}

    static OMFactory factory() {
        return OMAbstractFactory.getOMFactory();
    }

    /**
     * Parses one XML element (detached, fully built) with the hardened reader.
     *
     * @throws IllegalArgumentException when the text is not one well-formed element
     */
    static OMElement parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static OMElement parse(byte[] xml) {
        try {
            OMElement root = OMXMLBuilderFactory
                    .createStAXOMBuilder(SecureXml.newReader(new ByteArrayInputStream(xml)))
                    .getDocumentElement();
            root.build();
            root.detach();
            return root;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The element when {@code text} looks like and parses as one XML element, else null. */
    static OMElement parseIfXml(String text) {
        if (text == null || !text.stripLeading().startsWith("<")) {
            return null;
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Serializes a node (with the namespace declarations it needs) to text. */
    static String serialize(OMNode node) {
        if (node instanceof OMText t) {
            return t.getText();
        }
        if (!(node instanceof OMElement e)) {
            return String.valueOf(node);
        }
        StringWriter out = new StringWriter(256);
        try {
            e.serialize(out, true);
        } catch (IOException ex) {
            throw new IllegalStateException("could not serialize XML: " + ex.getMessage(), ex);
        }
        return out.toString();
    }

    /**
     * The text of an XPath result as Synapse gives it: text nodes and attributes by value, elements
     * by their text unless they hold only markup, in which case as XML; all nodes concatenated.
     */
    static String stringValue(Object result) {
        if (result == null) {
            return "";
        }
        if (result instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                sb.append(nodeText(o));
            }
            return sb.toString();
        }
        if (result instanceof Double d) {
            return numberText(d);
        }
        return nodeText(result);
    }

    private static String nodeText(Object o) {
        if (o instanceof OMText t) {
            return t.getText();
        }
        if (o instanceof OMAttribute a) {
            return a.getAttributeValue();
        }
        if (o instanceof OMDocument d) {
            return d.getOMDocumentElement() == null ? "" : serialize(d.getOMDocumentElement());
        }
        if (o instanceof OMElement e) {
            String text = e.getText();
            return text.isBlank() && e.getFirstElement() != null ? serialize(e) : text;
        }
        if (o instanceof Double d) {
            return numberText(d);
        }
        return o == null ? "" : String.valueOf(o);
    }

    /** XPath's number-to-string: integers without a fraction. */
    static String numberText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** An XPath result as a list of nodes; scalars become text nodes. */
    static List<OMNode> nodes(Object result) {
        List<OMNode> out = new ArrayList<>();
        if (result instanceof List<?> list) {
            for (Object o : list) {
                out.add(asNode(o));
            }
        } else if (result != null) {
            out.add(asNode(result));
        }
        return out;
    }

    private static OMNode asNode(Object o) {
        if (o instanceof OMNode n) {
            return n;
        }
        if (o instanceof OMAttribute a) {
            return factory().createOMText(a.getAttributeValue());
        }
        if (o instanceof OMDocument d) {
            return d.getOMDocumentElement();
        }
        return factory().createOMText(o instanceof Double d ? numberText(d) : String.valueOf(o));
    }

    // ---- node lists ----

    /** A detached copy of a node (elements deep, text by value); other nodes as they are. */
    static OMNode copyOf(OMNode n) {
        if (n instanceof OMElement e) {
            return e.cloneOMElement();
        }
        if (n instanceof OMText t) {
            return factory().createOMText(t.getText());
        }
        return n;
    }

    /** Detaches every node that has a parent, so that it can be inserted elsewhere. */
    static void detachAll(List<OMNode> nodes) {
        for (OMNode n : nodes) {
            if (n.getParent() != null) {
                n.detach();
            }
        }
    }

    static boolean allText(List<OMNode> nodes) {
        for (OMNode n : nodes) {
            if (!(n instanceof OMText)) {
                return false;
            }
        }
        return true;
    }

    /** The concatenated text of the nodes (elements by their text content). */
    static String textOf(List<OMNode> nodes) {
        StringBuilder sb = new StringBuilder();
        for (OMNode n : nodes) {
            sb.append(n instanceof OMElement e ? e.getText() : n instanceof OMText t ? t.getText() : "");
        }
        return sb.toString();
    }

    // ---- envelopes and payload replacement ----

    /** True when the element is a SOAP 1.1 or 1.2 Envelope. */
    static boolean isEnvelope(OMElement e) {
        if (e instanceof SOAPEnvelope) {
            return true;
        }
        String ns = e.getNamespaceURI();
        return "Envelope".equals(e.getLocalName()) && (SOAP11_NS.equals(ns) || SOAP12_NS.equals(ns));
    }

    /** The element as a SOAP envelope object (re-parsed when it is a plain element). */
    static SOAPEnvelope toEnvelope(OMElement e) {
        if (e instanceof SOAPEnvelope env) {
            return env;
        }
        return MessageBuilder.build(serialize(e).getBytes(StandardCharsets.UTF_8), "text/xml");
    }

    /** The SOAP factory for the message's SOAP version, without building an unbuilt body. */
    static SOAPFactory soapFactoryFor(MessageContext ctx) {
        Payload p = ctx.payload();
        if (p.isBuilt()) {
            return (SOAPFactory) p.envelope().getOMFactory();
        }
        String type = String.valueOf(ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE)) + " "
                + ctx.getAxis2Property(StandardProperties.CONTENT_TYPE);
        return type.toLowerCase(Locale.ROOT).contains("application/soap+xml")
                ? OMAbstractFactory.getSOAP12Factory()
                : OMAbstractFactory.getSOAP11Factory();
    }

    /**
     * Makes {@code element} the body's only child. An unbuilt body is dropped unread and replaced by
     * a new envelope of the message's SOAP version; a built one keeps its envelope and headers.
     */
    static void replaceBody(MessageContext ctx, OMElement element) {
        Payload p = ctx.payload();
        if (p.isBuilt()) {
            p.setFirstElement(element);
            return;
        }
        SOAPEnvelope env = soapFactoryFor(ctx).getDefaultEnvelope();
        if (element != null) {
            env.getBody().addChild(element);
        }
        p.setEnvelope(env);
    }

    /** Sets the axis2 messageType and ContentType together. */
    static void setMessageType(MessageContext ctx, String type) {
        ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, type);
        ctx.setAxis2Property(StandardProperties.CONTENT_TYPE, type);
    }

    /** True when the message is currently marked as JSON. */
    static boolean isJsonMessage(MessageContext ctx) {
        Object mt = ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE);
        if (mt == null) {
            mt = ctx.getAxis2Property(StandardProperties.CONTENT_TYPE);
        }
        return mt != null && mt.toString().toLowerCase(Locale.ROOT).contains("json");
    }
}
