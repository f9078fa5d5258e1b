package io.ganglion.engine.message.format;

import io.ganglion.engine.json.JsonXml;
import io.ganglion.engine.message.PayloadException;
import io.ganglion.engine.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMDocument;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;
import org.apache.axiom.om.OMNamespace;
import org.apache.axiom.om.OMXMLBuilderFactory;
import org.apache.axiom.om.OMXMLParserWrapper;
import org.apache.axiom.soap.SOAPEnvelope;
import org.apache.axiom.soap.SOAPFactory;

/**
 * Builds a SOAP envelope from wire bytes by content type, as Synapse's builders do:
 * <ul>
 *   <li>{@code text/xml}: a SOAP envelope as it is (1.1, or 1.2 if it says so); any other
 *       document is POX and goes into a SOAP 1.1 body;</li>
 *   <li>{@code application/soap+xml}: a SOAP 1.2 envelope (other documents into a 1.2 body);</li>
 *   <li>{@code application/xml} and {@code application/*+xml}: POX in a SOAP 1.1 body;</li>
 *   <li>JSON types ({@code application/json}, {@code *}{@code /*+json}): {@code jsonObject} or
 *       {@code jsonArray} (see {@link JsonXml}) in a SOAP 1.1 body;</li>
 *   <li>{@code text/plain}: {@code <text xmlns="http://ws.apache.org/commons/ns/payload">};</li>
 *   <li>{@code application/x-www-form-urlencoded}: {@code <xformValues>} with one child per
 *       parameter (names as {@link io.ganglion.engine.json.JsonNames} encodes them);</li>
 *   <li>anything else: {@code <binary xmlns="http://ws.apache.org/commons/ns/payload">} holding
 *       base64; no content type: sniffed ({@code <} XML, {@code {} or {@code [} JSON, else binary).</li>
 * </ul>
 * XML is always read through {@link SecureXml} (no DTD, bounded depth and text). Every failure
 * is a {@link PayloadException} (400). Thread-safe: stateless.
 */
public final class MessageBuilder {

    /** Namespace of the text and binary wrappers (Axis2's). */
    public static final String PAYLOAD_NS = "http://ws.apache.org/commons/ns/payload";
    /** Wrapper of a text/plain body. */
    public static final QName TEXT = new QName(PAYLOAD_NS, "text");
    /** Wrapper of a binary body (base64 text). */
    public static final QName BINARY = new QName(PAYLOAD_NS, "binary");
    /** Root of a form body. */
    public static final String FORM = "xformValues";

    static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

    private MessageBuilder() {}

    /**
     * Builds the envelope; an empty (or blank) body gives an empty SOAP 1.1 envelope.
     *
     * @throws PayloadException (400) when the body is malformed or breaks a limit
     */
    public static SOAPEnvelope build(byte[] bytes, String contentType) {
        if (bytes == null || firstSignificant(bytes) < 0) {
            return emptyEnvelope();
        }
        String type = ContentTypes.mediaType(contentType);
        if (type.isEmpty()) {
            type = looksLikeJson(bytes) ? ContentTypes.JSON : looksLikeXml(bytes) ? ContentTypes.SOAP11 : "";
        }
        try {
            if (ContentTypes.isXml(type)) {
                return xml(bytes, contentType, type);
            }
            if (ContentTypes.isJson(type)) {
                return json(bytes, contentType);
            }
            if (type.equals(ContentTypes.TEXT)) {
                return wrap(text(new String(bytes, ContentTypes.charset(contentType))), false);
            }
            if (type.equals(ContentTypes.FORM)) {
                return wrap(FormCodec.parse(new String(bytes, StandardCharsets.ISO_8859_1),
                        ContentTypes.charset(contentType)), false);
            }
            return wrap(binary(bytes), false);
        } catch (PayloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PayloadException(400, "malformed " + describeType(type) + " body: " + XmlErrors.describe(e), e);
        }
    }

    /** An envelope with an empty body (and an empty header), SOAP 1.1. */
    public static SOAPEnvelope emptyEnvelope() {
        return OMAbstractFactory.getSOAP11Factory().createDefaultSOAPMessage().getSOAPEnvelope();
    }

    /** A new envelope (SOAP 1.1, or 1.2) whose body holds {@code element} (or nothing when null). */
    public static SOAPEnvelope wrap(OMElement element, boolean soap12) {
        SOAPFactory f = soap12 ? OMAbstractFactory.getSOAP12Factory() : OMAbstractFactory.getSOAP11Factory();
        SOAPEnvelope env = f.createDefaultSOAPMessage().getSOAPEnvelope();
        if (element != null) {
            env.getBody().addChild(element);
        }
        return env;
    }

    /** A deep copy of an envelope. */
    public static SOAPEnvelope cloneEnvelope(SOAPEnvelope envelope) {
        // Axiom 2's cloneOMElement() yields a plain OMElement; rebuilding from the tree's events keeps the SOAP types.
        SOAPEnvelope copy = OMXMLBuilderFactory.createStAXSOAPModelBuilder(envelope.getXMLStreamReader(true))
                .getSOAPEnvelope();
        copy.build();
        return copy;
    }

    /** The text wrapper element holding {@code text}. */
    public static OMElement text(String text) {
        OMFactory f = OMAbstractFactory.getOMFactory();
        OMElement el = f.createOMElement(TEXT.getLocalPart(), f.createOMNamespace(PAYLOAD_NS, ""));
        el.setText(text);
        return el;
    }

    /** The binary wrapper element holding {@code bytes} as base64. */
    public static OMElement binary(byte[] bytes) {
        OMFactory f = OMAbstractFactory.getOMFactory();
        OMElement el = f.createOMElement(BINARY.getLocalPart(), f.createOMNamespace(PAYLOAD_NS, ""));
        el.setText(Base64.getEncoder().encodeToString(bytes));
        return el;
    }

    /** True when the first non-blank byte opens a JSON object or array. */
    public static boolean looksLikeJson(byte[] bytes) {
        int b = firstSignificant(bytes);
        return b == '{' || b == '[';
    }

    private static boolean looksLikeXml(byte[] bytes) {
        return firstSignificant(bytes) == '<';
    }

    private static int firstSignificant(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    private static SOAPEnvelope xml(byte[] bytes, String contentType, String type) {
        boolean soapType = type.equals(ContentTypes.SOAP11) || type.equals(ContentTypes.SOAP12);
        QName root = soapType ? rootName(bytes, contentType) : null;
        boolean envelope = root != null && "Envelope".equals(root.getLocalPart())
                && (SOAP11_NS.equals(root.getNamespaceURI()) || SOAP12_NS.equals(root.getNamespaceURI()));
        if (envelope) {
            SOAPEnvelope env = OMXMLBuilderFactory.createStAXSOAPModelBuilder(reader(bytes, contentType))
                    .getSOAPEnvelope();
            env.getParent().build();
            return env;
        }
        OMXMLParserWrapper builder = OMXMLBuilderFactory.createStAXOMBuilder(reader(bytes, contentType));
        OMDocument doc = builder.getDocument();
        doc.build();
        OMElement element = doc.getOMDocumentElement();
        if (element != null) {
            element.detach();
        }
        return wrap(element, type.equals(ContentTypes.SOAP12));
    }

    /** The name of the document element, read without building anything; null when there is none. */
    private static QName rootName(byte[] bytes, String contentType) {
        XMLStreamReader r = reader(bytes, contentType);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamReader.START_ELEMENT) {
                    return r.getName();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // a reader over a byte array holds nothing to release
            }
        }
    }

    /** A hardened reader; a charset parameter wins over the document's own declaration. */
    private static XMLStreamReader reader(byte[] bytes, String contentType) {
        Charset cs = ContentTypes.charset(contentType, null);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return cs == null ? SecureXml.newReader(in) : SecureXml.newReader(new InputStreamReader(in, cs));
    }

    private static SOAPEnvelope json(byte[] bytes, String contentType) {
        Charset cs = ContentTypes.charset(contentType, null);
        boolean unicode = cs == null || cs.name().startsWith("UTF-");
        OMElement root = unicode ? JsonXml.toXml(bytes) : JsonXml.toXml(new String(bytes, cs));
        return wrap(root, false);
    }

    private static String describeType(String type) {
        if (ContentTypes.isXml(type)) {
            return "XML";
        }
        return type.isEmpty() ? "message" : type;
    }
}
