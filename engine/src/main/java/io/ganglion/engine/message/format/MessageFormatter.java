package io.ganglion.engine.message.format;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.OutboundBody;
import java.io.ByteArrayOutputStream;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPEnvelope;

/**
 * Serializes a built message for the wire by its {@code messageType} (else {@code ContentType},
 * else the SOAP version): SOAP 1.1/1.2 envelopes, POX, JSON. PLACEHOLDER: XML only for now.
 * Thread-safe: stateless.
 */
public final class MessageFormatter {

    private MessageFormatter() {}

    /** Serializes the built payload of {@code ctx}. */
    public static OutboundBody.Bytes format(MessageContext ctx) {
        SOAPEnvelope env = ctx.payload().envelope();
        String type = messageType(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            if (type.startsWith("text/xml") || type.startsWith("application/soap+xml")) {
                env.serialize(out, false);
            } else {
                OMElement first = env.getBody().getFirstElement();
                if (first != null) {
                    first.serialize(out, false);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not serialize the message: " + e.getMessage(), e);
        }
        return new OutboundBody.Bytes(out.toByteArray(), type);
    }

    /** The content type the message will be written as. */
    public static String messageType(MessageContext ctx) {
        Object mt = ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE);
        if (mt != null) {
            return mt.toString();
        }
        Object ct = ctx.getAxis2Property(StandardProperties.CONTENT_TYPE);
        if (ct != null) {
            return ct.toString();
        }
        return "application/xml";
    }
}
