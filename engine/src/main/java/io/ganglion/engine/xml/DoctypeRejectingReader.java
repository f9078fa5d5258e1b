package io.ganglion.engine.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Fails on a DOCTYPE instead of skipping it: with DTD support off Woodstox would otherwise leave
 * entity references unexpanded and let the document through.
 */
final class DoctypeRejectingReader extends StreamReaderDelegate {

    DoctypeRejectingReader(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.DTD) {
            throw new XMLStreamException("DOCTYPE is not allowed", getLocation());
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException("entity references are not allowed: &" + getLocalName() + ";",
                    getLocation());
        }
        return event;
    }
}
