package io.ganglion.engine.mediator.script;

import io.ganglion.engine.json.JsonXml;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.message.format.ContentTypes;
import io.ganglion.engine.message.format.MessageBuilder;
import io.ganglion.engine.spi.RawBody;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPEnvelope;

/**
 * Reads and replaces message payloads for {@code mc}: JSON text (straight from the wire when the
 * body is unread JSON, else converted from the built tree), XML text, plain text. Thread-safe: stateless.
 */
final class ScriptPayloads {

    private static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

    private ScriptPayloads() {}

    /** The payload as JSON text, or null when the message has no body. */
    static String jsonText(MessageContext msg) {
        Payload p = msg.payload();
        if (!p.isBuilt()) {
            RawBody raw = p.raw();
            if (raw == null || raw.length() == 0) {
                return null;
            }
            String type = ContentTypes.mediaType(raw.contentType());
            if (ContentTypes.isJson(type)) {
                // Unread JSON needs no trip through XML.
                return new String(p.readBytes(), ContentTypes.charset(raw.contentType(), StandardCharsets.UTF_8));
            }
        }
        OMElement first = p.firstElement();
        return first == null ? null : JsonXml.toJsonString(first);
    }

    /** The payload as text: a text body's text, JSON as JSON text, XML as markup; "" when empty. */
    static String text(MessageContext msg) {
        Payload p = msg.payload();
        if (!p.hasBody()) {
            return "";
        }
        if (!p.isBuilt() && ContentTypes.isJson(ContentTypes.mediaType(p.raw().contentType()))) {
            return jsonText(msg);
        }
        OMElement first = p.firstElement();
        if (first == null) {
            return "";
        }
        if (JsonXml.isJsonRoot(first)) {
            return JsonXml.toJsonString(first);
        }
        if (MessageBuilder.TEXT.getLocalPart().equals(first.getLocalName())
                && MessageBuilder.PAYLOAD_NS.equals(first.getNamespaceURI())) {
            return first.getText();
        }
        return JsValues.serialize(first);
    }

    /**
     * Makes {@code json} the payload and marks the message {@code application/json}.
     *
     * @throws io.ganglion.engine.message.PayloadException when the text is not JSON
     */
    static void setJson(MessageContext msg, String json) {
        OMElement root = JsonXml.toXml(json);
        replaceBody(msg, root);
        setMessageType(msg, ContentTypes.JSON);
    }

    /**
     * Makes {@code xml} (an element, or a whole SOAP envelope) the payload. A message marked JSON
     * becomes {@code application/xml}, as with payloadFactory.
     *
     * @throws io.ganglion.engine.message.PayloadException when the text is not well-formed XML
     */
    static void setXml(MessageContext msg, String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        SOAPEnvelope parsed = MessageBuilder.build(bytes, ContentTypes.XML);
        OMElement first = parsed.getBody().getFirstElement();
        if (first != null && "Envelope".equals(first.getLocalName())
                && (SOAP11_NS.equals(first.getNamespaceURI()) || SOAP12_NS.equals(first.getNamespaceURI()))) {
            boolean soap12 = SOAP12_NS.equals(first.getNamespaceURI());
            msg.payload().setEnvelope(MessageBuilder.build(bytes, soap12 ? ContentTypes.SOAP12 : ContentTypes.SOAP11));
        } else {
            if (first != null) {
                first.detach();
            }
            replaceBody(msg, first);
        }
        if (isJson(msg)) {
            setMessageType(msg, ContentTypes.XML);
        }
    }

    /** Makes {@code element} the body's only child; an unread body is dropped unread. */
    private static void replaceBody(MessageContext msg, OMElement element) {
        Payload p = msg.payload();
        if (p.isBuilt()) {
            p.setFirstElement(element);
            return;
        }
        String type = msg.getAxis2Property(StandardProperties.MESSAGE_TYPE) + " "
                + msg.getAxis2Property(StandardProperties.CONTENT_TYPE);
        p.setEnvelope(MessageBuilder.wrap(element, type.toLowerCase(Locale.ROOT).contains(ContentTypes.SOAP12)));
    }

    private static boolean isJson(MessageContext msg) {
        Object mt = msg.getAxis2Property(StandardProperties.MESSAGE_TYPE);
        if (mt == null) {
            mt = msg.getAxis2Property(StandardProperties.CONTENT_TYPE);
        }
        return mt != null && mt.toString().toLowerCase(Locale.ROOT).contains("json");
    }

    private static void setMessageType(MessageContext msg, String type) {
        msg.setAxis2Property(StandardProperties.MESSAGE_TYPE, type);
        msg.setAxis2Property(StandardProperties.CONTENT_TYPE, type);
    }
}
