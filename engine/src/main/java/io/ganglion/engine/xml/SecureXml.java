package io.ganglion.engine.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place XML readers are made: no DTDs, no external entities, bounded depth, attributes and
 * text. Used for configuration files and for message payloads alike. Thread-safe: the factory is
 * configured once and only read afterwards.
 */
public final class SecureXml {

    /** Deepest element nesting accepted. */
    public static final int MAX_DEPTH = 100;
    /** Most attributes on one element. */
    public static final int MAX_ATTRIBUTES = 200;
    /** Longest text node or attribute value, in characters. */
    public static final int MAX_TEXT = 16 * 1024 * 1024;

    private static final XMLInputFactory FACTORY = create();

    private SecureXml() {}

    private static XMLInputFactory create() {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_TEXT);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT);
        // No DTDs means no custom entities; Woodstox 7 rejects a limit of 0, so keep its default.
        return f;
    }

    /** A hardened reader over a byte stream (encoding from the XML declaration). */
    public static XMLStreamReader newReader(InputStream in) {
        try {
            return rejectDoctype(FACTORY.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A hardened reader over characters. */
    public static XMLStreamReader newReader(Reader in) {
        try {
            return rejectDoctype(FACTORY.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A hardened reader with a system id, so errors name the file. */
    public static XMLStreamReader newReader(String systemId, InputStream in) {
        try {
            return rejectDoctype(FACTORY.createXMLStreamReader(systemId, in));
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static XMLStreamReader rejectDoctype(XMLStreamReader r) {
        return new DoctypeRejectingReader(r);
    }
}
