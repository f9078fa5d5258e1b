package io.ganglion.engine.message.format;

import io.ganglion.engine.message.PayloadException;
import io.ganglion.engine.xml.SecureXml;
import java.io.ByteArrayInputStream;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMXMLBuilderFactory;
import org.apache.axiom.soap.SOAPEnvelope;
import org.apache.axiom.soap.SOAPFactory;

/**
 * Builds a SOAP envelope from wire bytes by content type: SOAP 1.1/1.2 as they are, POX and JSON
 * wrapped in a SOAP 1.1 envelope (JSON under a {@code jsonObject} root, as WSO2 does).
 * Thread-safe: stateless.
 */
public final class MessageBuilder {

    private MessageBuilder() {}

    /** Builds the envelope; an empty body gives an envelope with an empty body. */
    public static SOAPEnvelope build(byte[] bytes, String contentType) {
        SOAPFactory f11 = OMAbstractFactory.getSOAP11Factory();
        if (bytes == null || bytes.length == 0) {
            return f11.getDefaultEnvelope();
        }
        String ct = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        try {
            if (ct.startsWith("text/xml") || ct.startsWith("application/soap+xml")) {
                SOAPEnvelope env = OMXMLBuilderFactory
                        .createStAXSOAPModelBuilder(SecureXml.newReader(new ByteArrayInputStream(bytes)))
                        .getSOAPEnvelope();
                env.build();
                return env;
            }
            OMElement root = OMXMLBuilderFactory
                    .createStAXOMBuilder(SecureXml.newReader(new ByteArrayInputStream(bytes)))
                    .getDocumentElement();
            root.build();
            SOAPEnvelope env = f11.getDefaultEnvelope();
            env.getBody().addChild(root);
            return env;
        } catch (RuntimeException e) {
            throw new PayloadException("malformed message body: " + e.getMessage(), e);
        }
    }

    /** A deep copy of an envelope. */
    public static SOAPEnvelope cloneEnvelope(SOAPEnvelope envelope) {
        // Axiom 2's cloneOMElement() yields a plain OMElement; rebuilding from the tree's events keeps the SOAP types.
        SOAPEnvelope copy = OMXMLBuilderFactory.createStAXSOAPModelBuilder(envelope.getXMLStreamReader(true))
                .getSOAPEnvelope();
        copy.build();
        return copy;
    }
}
