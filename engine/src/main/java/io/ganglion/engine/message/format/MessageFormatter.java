package io.ganglion.engine.message.format;

import io.ganglion.engine.json.JsonXml;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.RawBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMNode;
import org.apache.axiom.om.OMText;
import org.apache.axiom.soap.SOAPEnvelope;

/**
 * Serializes a built message for the wire by its {@code messageType} (else {@code ContentType},
 * else what the envelope holds): {@code text/xml} a SOAP 1.1 envelope and
 * {@code application/soap+xml} a SOAP 1.2 one (converted when the envelope is the other
 * version), other XML types the body's first element, JSON types JSON (see {@link JsonXml}),
 * {@code text/plain} the text, form types {@code name=value&...} of the first element's children;
 * any other type the bytes of a binary or text wrapper, else the first element as XML. Text types
 * get {@code ; charset=UTF-8} unless the type names a charset, which is then used.
 * Thread-safe: stateless.
 */
public final class MessageFormatter {

    private static final byte[] NOTHING = new byte[0];

    private MessageFormatter() {}

    /** Serializes the built payload of {@code ctx} (building it first if needed). */
    public static OutboundBody.Bytes format(MessageContext ctx) {
        SOAPEnvelope env = ctx.payload().envelope();
        String messageType = messageType(ctx);
        String type = ContentTypes.mediaType(messageType);
        String declared = ContentTypes.parameter(messageType, "charset");
        Charset cs = ContentTypes.charset(messageType);
        OMElement first = env.getBody().getFirstElement();
        String contentType = messageType;
        byte[] bytes;
        if (type.equals(ContentTypes.SOAP11) || type.equals(ContentTypes.SOAP12)) {
            boolean to12 = type.equals(ContentTypes.SOAP12);
            OMElement out = SoapConverter.isSoap12(env) == to12 ? env : SoapConverter.convert(env, to12);
            bytes = XmlOutput.write(out, cs);
            String action = ctx.getSoapAction();
            if (to12 && action != null && !action.isEmpty() && ContentTypes.parameter(messageType, "action") == null) {
                contentType = (declared == null ? withCharset(contentType) : contentType) + "; action=\"" + action + "\"";
                declared = cs.name();
            }
        } else if (first == null) {
            bytes = NOTHING;
        } else if (ContentTypes.isJson(type)) {
            bytes = json(first, cs);
        } else if (type.equals(ContentTypes.TEXT)) {
            bytes = textOf(first).getBytes(cs);
        } else if (type.equals(ContentTypes.FORM)) {
            bytes = FormCodec.format(first, cs).getBytes(StandardCharsets.US_ASCII);
        } else if (ContentTypes.isXml(type)) {
            bytes = XmlOutput.write(first, cs);
        } else if (is(first, MessageBuilder.BINARY.getLocalPart())) {
            bytes = Base64.getMimeDecoder().decode(first.getText().trim());
        } else if (is(first, MessageBuilder.TEXT.getLocalPart())) {
            bytes = first.getText().getBytes(cs);
        } else {
            bytes = XmlOutput.write(first, cs);
        }
        if (declared == null && ContentTypes.isText(type)) {
            contentType = withCharset(contentType);
        }
        return new OutboundBody.Bytes(bytes, contentType);
    }

    /**
     * The content type the message will be written as: axis2 {@code messageType}, else
     * {@code ContentType}, else (for a built payload) what the envelope holds: SOAP 1.2 gives
     * {@code application/soap+xml}, converted JSON {@code application/json}, text {@code text/plain},
     * a SOAP message that came as {@code text/xml} {@code text/xml}, anything else
     * {@code application/xml}. Never builds the payload: an unbuilt one answers its wire type.
     */
    public static String messageType(MessageContext ctx) {
        String declared = declaredType(ctx);
        if (declared != null) {
            return declared;
        }
        Payload p = ctx.payload();
        if (!p.isBuilt()) {
            RawBody raw = p.raw();
            return raw == null || raw.contentType() == null ? ContentTypes.XML : raw.contentType();
        }
        SOAPEnvelope env = p.envelope();
        if (SoapConverter.isSoap12(env)) {
            return ContentTypes.SOAP12;
        }
        OMElement first = env.getBody().getFirstElement();
        if (JsonXml.isJsonRoot(first)) {
            return ContentTypes.JSON;
        }
        if (first != null && is(first, MessageBuilder.TEXT.getLocalPart())) {
            return ContentTypes.TEXT;
        }
        if (first != null && is(first, MessageBuilder.BINARY.getLocalPart())) {
            return ContentTypes.OCTETS;
        }
        String source = ContentTypes.mediaType(p.sourceContentType());
        return source.equals(ContentTypes.SOAP11) ? ContentTypes.SOAP11 : ContentTypes.XML;
    }

    /**
     * True when an unbuilt body must be built and re-serialized because a mediator asked for another
     * wire format (axis2 {@code messageType}) than the one it arrived in. Synapse's pass-through would
     * relay such a body unchanged under the new Content-Type; converting is what users meant.
     */
    public static boolean formatChanged(MessageContext ctx) {
        Payload p = ctx.payload();
        if (p.isBuilt()) {
            return false;
        }
        RawBody raw = p.raw();
        if (raw == null || raw.length() == 0) {
            return false;
        }
        Object declared = ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE);
        if (declared == null) {
            return false;
        }
        String wanted = ContentTypes.mediaType(declared.toString());
        String actual = ContentTypes.mediaType(raw.contentType());
        return !wanted.isEmpty() && !actual.isEmpty() && !wanted.equals(actual);
    }

    /**
     * Synapse's {@code MESSAGE_FORMAT}: {@code soap11}, {@code soap12}, {@code json} or
     * {@code pox}, from the same sources as {@link #messageType}. Never builds the payload.
     */
    public static String messageFormat(MessageContext ctx) {
        String type = ContentTypes.mediaType(messageType(ctx));
        if (type.equals(ContentTypes.SOAP12)) {
            return "soap12";
        }
        if (type.equals(ContentTypes.SOAP11)) {
            return "soap11";
        }
        return ContentTypes.isJson(type) ? "json" : "pox";
    }

    private static String declaredType(MessageContext ctx) {
        for (String name : new String[] {StandardProperties.MESSAGE_TYPE, StandardProperties.CONTENT_TYPE}) {
            Object v = ctx.getAxis2Property(name);
            if (v != null && !v.toString().isBlank()) {
                return v.toString().trim();
            }
        }
        return null;
    }

    private static byte[] json(OMElement element, Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            return JsonXml.toJsonBytes(element);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (Writer w = new OutputStreamWriter(out, cs)) {
            JsonXml.writeJson(element, w);
        } catch (IOException e) {
            throw new IllegalStateException("could not write JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The text wrapper's text, or the string value (all descendant text) of any other element. */
    private static String textOf(OMElement el) {
        if (is(el, MessageBuilder.TEXT.getLocalPart())) {
            return el.getText();
        }
        StringBuilder sb = new StringBuilder();
        for (Iterator<OMNode> it = el.getDescendants(false); it.hasNext();) {
            if (it.next() instanceof OMText t) {
                sb.append(t.getText());
            }
        }
        return sb.toString();
    }

    private static boolean is(OMElement el, String payloadLocalName) {
        return payloadLocalName.equals(el.getLocalName()) && MessageBuilder.PAYLOAD_NS.equals(el.getNamespaceURI());
    }

    private static String withCharset(String contentType) {
        return contentType + "; charset=UTF-8";
    }
}
