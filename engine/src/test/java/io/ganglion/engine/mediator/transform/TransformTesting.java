package io.ganglion.engine.mediator.transform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.LocalEntry;
import io.ganglion.engine.config.Location;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xml.LocatedXml;
import org.apache.axiom.om.OMElement;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** Helpers for the transform mediator tests. */
final class TransformTesting {

    static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    private TransformTesting() {}

    /** Reads one mediator element. */
    @SuppressWarnings("unchecked")
    static <T extends Mediator> T read(String xml) {
        ReadContext rc = ReadContext.forText("test.xml", xml);
        return (T) rc.mediator(rc.root());
    }

    /** Reads one mediator element and returns the context (for its references). */
    static ReadContext readContext(String xml) {
        ReadContext rc = ReadContext.forText("test.xml", xml);
        rc.mediator(rc.root());
        return rc;
    }

    /** The configuration error reading {@code xml} must raise. */
    static ConfigException readError(String xml) {
        return assertThrows(ConfigException.class, () -> read(xml));
    }

    /** Writes a mediator back to XML text. */
    static String write(Mediator m) {
        return WriteContext.defaults().mediator(m).toString();
    }

    /** The body's first child as XML text. */
    static String body(MessageContext ctx) {
        OMElement first = ctx.payload().firstElement();
        return first == null ? "" : first.toString();
    }

    /** A local entry holding XML. */
    static LocalEntry xmlEntry(String key, String xml) {
        return new LocalEntry(key, null, LocatedXml.parse(key, xml).root(), new Location(key, 1, 1));
    }

    static void assertSimilar(String expected, String actual) {
        Diff d = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().ignoreComments()
                .checkForSimilar().build();
        assertFalse(d.hasDifferences(), () -> d + "\nexpected: " + expected + "\nactual:   " + actual);
    }
}
