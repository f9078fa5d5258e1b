package io.ganglion.engine.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.LocatedXml;
import org.apache.axiom.om.OMElement;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/** XML helpers for reader/writer tests. */
public final class XmlAsserts {

    private XmlAsserts() {}

    /** A read context over text, with the stand-in mediators. */
    public static ReadContext readContext(String file, String xml) {
        return new ReadContext(LocatedXml.parse(file, xml), StandInMediators.registry(), EndpointRegistry.defaults());
    }

    /** A write context with the stand-in mediators. */
    public static WriteContext writeContext() {
        return new WriteContext(StandInMediators.registry(), EndpointRegistry.defaults());
    }

    /** Fails unless {@code actual} is similar to {@code expected} (whitespace and comments ignored). */
    public static void assertSimilar(String expected, OMElement actual) {
        String written = actual.toString();
        Diff diff = DiffBuilder.compare(Input.fromString(expected)).withTest(Input.fromString(written))
                .ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), () -> diff + "\nwritten: " + written);
    }
}
