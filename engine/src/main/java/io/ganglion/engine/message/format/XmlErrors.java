package io.ganglion.engine.message.format;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** Short, client-safe descriptions of XML parse failures. Thread-safe: stateless. */
final class XmlErrors {

    private XmlErrors() {}

    /** The parser's reason (without Woodstox's "ParseError at..." framing) and where, if known. */
    static String describe(Throwable e) {
        XMLStreamException xse = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof XMLStreamException x) {
                xse = x;
            }
        }
        if (xse == null) {
            return clean(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        String msg = clean(xse.getMessage());
        Location at = xse.getLocation();
        if (at != null && at.getLineNumber() > 0 && !msg.contains("line ")) {
            msg = msg + " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        }
        return msg;
    }

    private static String clean(String message) {
        if (message == null) {
            return "unknown error";
        }
        String m = message;
        int nl = m.indexOf("\nMessage: ");
        if (nl >= 0) {
            m = m.substring(nl + "\nMessage: ".length());
        }
        int at = m.indexOf("\n at [");
        if (at >= 0) {
            m = m.substring(0, at);
        }
        if (m.startsWith("javax.xml.stream.XMLStreamException: ")) {
            m = m.substring("javax.xml.stream.XMLStreamException: ".length());
        }
        return m.trim();
    }
}
