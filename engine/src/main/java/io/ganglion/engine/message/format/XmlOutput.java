package io.ganglion.engine.message.format;

import com.ctc.wstx.stax.WstxOutputFactory;
import io.ganglion.engine.json.JsonXml;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.axiom.om.OMElement;
import org.codehaus.stax2.util.StreamWriterDelegate;

/**
 * Writes Axiom elements as XML bytes, leaving out the JSON marker processing instructions
 * ({@code <?xml-multiple?>}, {@code <?json-string?>}, {@code <?json-object?>}) that only matter
 * for converting back to JSON. Thread-safe: the factory is configured once and only read.
 */
final class XmlOutput {

    private static final XMLOutputFactory FACTORY = new WstxOutputFactory();

    private XmlOutput() {}

    /** {@code element} (and its subtree, left intact) in {@code charset}. */
    static byte[] write(OMElement element, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter w = new MarkerFilter(FACTORY.createXMLStreamWriter(out, charset.name()));
            if (!charset.equals(StandardCharsets.UTF_8)) {
                w.writeStartDocument(charset.name(), "1.0");
            }
            element.serialize(w, true);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the message as XML: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Drops the JSON markers on the way out (Axiom hands over the target with a trailing space). */
    private static final class MarkerFilter extends StreamWriterDelegate {
        MarkerFilter(XMLStreamWriter w) {
            super(w);
        }

        @Override
        public void writeProcessingInstruction(String target) throws XMLStreamException {
            if (!JsonXml.isMarker(target.trim())) {
                super.writeProcessingInstruction(target);
            }
        }

        @Override
        public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
            if (!JsonXml.isMarker(target.trim())) {
                super.writeProcessingInstruction(target, data);
            }
        }
    }
}
