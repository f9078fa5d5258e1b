package io.ganglion.engine.xml;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Location;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMContainer;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;
import org.apache.axiom.om.OMNamespace;

/**
 * A configuration document parsed into Axiom with the line and column of every element, so that
 * every configuration error can name {@code file:line:column}. Not thread-safe: used while loading.
 */
public final class LocatedXml {

    private final String file;
    private final OMElement root;
    private final Map<OMElement, Location> locations;
    private final Map<OMElement, Location> textStarts;

    private LocatedXml(String file, OMElement root, Map<OMElement, Location> locations,
            Map<OMElement, Location> textStarts) {
        this.file = file;
        this.root = root;
        this.locations = locations;
        this.textStarts = textStarts;
    }

    /** The file name used in locations. */
    public String file() {
        return file;
    }

    /** The document element. */
    public OMElement root() {
        return root;
    }

    /** Where {@code element} starts; falls back to its nearest located ancestor, then the file. */
    public Location locationOf(OMElement element) {
        Object node = element;
        while (node instanceof OMElement) {
            Location loc = locations.get(node);
            if (loc != null) {
                return loc;
            }
            node = ((OMElement) node).getParent();
        }
        return new Location(file, 1, 1);
    }

    /**
     * Where the text content of {@code element} starts (its first character, or the
     * {@code <![CDATA[} that opens it), or null when it has none. Lets errors inside embedded text
     * (scripts) name the line of the file.
     */
    public Location textLocationOf(OMElement element) {
        return textStarts.get(element);
    }

    /** Parses text (tests and inline use). */
    public static LocatedXml parse(String file, String xml) {
        return parse(file, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Parses a document.
     *
     * @throws ConfigException naming the file, line and column of malformed XML
     */
    public static LocatedXml parse(String file, InputStream in) {
        OMFactory f = OMAbstractFactory.getOMFactory();
        Map<OMElement, Location> locations = new IdentityHashMap<>();
        Map<OMElement, Location> textStarts = new IdentityHashMap<>();
        XMLStreamReader r = null;
        try {
            r = SecureXml.newReader(in);
            ArrayDeque<OMElement> stack = new ArrayDeque<>();
            OMElement root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT: {
                        OMContainer parent = stack.peek();
                        OMNamespace ns = r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty()
                                ? null
                                : f.createOMNamespace(r.getNamespaceURI(), r.getPrefix() == null ? "" : r.getPrefix());
                        OMElement el = parent == null
                                ? f.createOMElement(r.getLocalName(), ns)
                                : f.createOMElement(r.getLocalName(), ns, parent);
                        for (int i = 0; i < r.getNamespaceCount(); i++) {
                            String prefix = r.getNamespacePrefix(i);
                            String uri = r.getNamespaceURI(i);
                            if (prefix == null || prefix.isEmpty()) {
                                el.declareDefaultNamespace(uri == null ? "" : uri);
                            } else {
                                el.declareNamespace(uri, prefix);
                            }
                        }
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String auri = r.getAttributeNamespace(i);
                            OMNamespace ans = auri == null || auri.isEmpty()
                                    ? null
                                    : f.createOMNamespace(auri, r.getAttributePrefix(i));
                            el.addAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i), ans);
                        }
                        var l = r.getLocation();
                        locations.put(el, new Location(file, l.getLineNumber(), l.getColumnNumber()));
                        if (root == null) {
                            root = el;
                        }
                        stack.push(el);
                        break;
                    }
                    case XMLStreamConstants.END_ELEMENT:
                        stack.pop();
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.SPACE:
                        if (!stack.isEmpty()) {
                            markTextStart(textStarts, stack.peek(), r, file);
                            f.createOMText(stack.peek(), r.getText());
                        }
                        break;
                    case XMLStreamConstants.CDATA:
                        if (!stack.isEmpty()) {
                            markTextStart(textStarts, stack.peek(), r, file);
                            f.createOMText(stack.peek(), r.getText(), XMLStreamConstants.CDATA);
                        }
                        break;
                    case XMLStreamConstants.COMMENT:
                        if (!stack.isEmpty()) {
                            f.createOMComment(stack.peek(), r.getText());
                        }
                        break;
                    default:
                        break;
                }
            }
            if (root == null) {
                throw new ConfigException(new Location(file, 1, 1), "the file holds no XML element");
            }
            return new LocatedXml(file, root, locations, textStarts);
        } catch (XMLStreamException e) {
            var l = e.getLocation();
            Location loc = l == null ? new Location(file, 1, 1) : new Location(file, l.getLineNumber(), l.getColumnNumber());
            throw new ConfigException(loc, "malformed XML: " + cleanMessage(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            Throwable c = e.getCause();
            if (c instanceof XMLStreamException xe && xe.getLocation() != null) {
                var l = xe.getLocation();
                throw new ConfigException(new Location(file, l.getLineNumber(), l.getColumnNumber()),
                        "malformed XML: " + cleanMessage(xe.getMessage()), e);
            }
            throw new ConfigException(new Location(file, 1, 1), "malformed XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static void markTextStart(Map<OMElement, Location> textStarts, OMElement parent, XMLStreamReader r,
            String file) {
        if (!textStarts.containsKey(parent)) {
            var l = r.getLocation();
            textStarts.put(parent, new Location(file, l.getLineNumber(), l.getColumnNumber()));
        }
    }

    /** Woodstox prefixes messages with "ParseError at [row,col]:..." and a newline; keep the reason. */
    private static String cleanMessage(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf("\nMessage: ");
        String m = nl >= 0 ? message.substring(nl + "\nMessage: ".length()) : message;
        int at = m.indexOf("\n at [");
        return (at >= 0 ? m.substring(0, at) : m).trim();
    }
}
