package io.ganglion.engine.mediator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.mediator.Continuation;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.List;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** Shared helpers for the core mediator tests. */
final class CoreTesting {

    static final String NS = "xmlns=\"" + SynapseNs.URI + "\"";

    private CoreTesting() {}

    /** Puts the Synapse namespace on the root element of a snippet. */
    static String syn(String xml) {
        int end = 1;
        while (end < xml.length() && " />".indexOf(xml.charAt(end)) < 0) {
            end++;
        }
        return xml.substring(0, end) + " " + NS + xml.substring(end);
    }

    /** Reads a snippet (Synapse namespace added) as one mediator. */
    static Mediator read(String xml) {
        ReadContext ctx = ReadContext.forText("test.xml", syn(xml));
        return ctx.mediator(ctx.root());
    }

    /** Reads a snippet and returns the context, for references. */
    static ReadContext readContext(String xml) {
        ReadContext ctx = ReadContext.forText("test.xml", syn(xml));
        ctx.mediator(ctx.root());
        return ctx;
    }

    /** Reads {@code <sequence name="...">children</sequence>} into a named sequence. */
    static Sequence sequence(String name, String childrenXml) {
        ReadContext ctx = ReadContext.forText(name + ".xml",
                "<sequence " + NS + " name=\"" + name + "\">" + childrenXml + "</sequence>");
        return new Sequence(name, null, ctx.mediators(ctx.root()), ctx.location(ctx.root()));
    }

    /** The configuration error reading a snippet raises. */
    static ConfigException readError(String xml) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(xml));
        assertNotNull(e.location(), "the error must be located");
        return e;
    }

    /** Asserts that a snippet reads with an error located on {@code line}. */
    static ConfigException assertErrorAtLine(String xml, int line) {
        ConfigException e = readError(xml);
        assertEquals(line, e.location().line(), () -> "wrong line for: " + e.getMessage());
        return e;
    }

    /** Reads, writes back and asserts the two are similar XML. */
    static void assertRoundTrip(String xml) {
        String original = syn(xml);
        Mediator m = read(xml);
        String written = WriteContext.defaults().mediator(m).toString();
        Diff diff = DiffBuilder.compare(original).withTest(written)
                .ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), () -> "round trip differs:\n" + original + "\n" + written + "\n" + diff);
    }

    /** Resumes a flow paused by call, innermost frame first, as the engine does. */
    static boolean resume(MessageContext ctx) {
        List<Continuation> frames = ctx.takeContinuations();
        boolean go = true;
        for (int i = 0; i < frames.size(); i++) {
            go = frames.get(i).resume(ctx);
            if (ctx.isSuspended()) {
                for (int j = i + 1; j < frames.size(); j++) {
                    ctx.addContinuation(frames.get(j));
                }
                return false;
            }
            if (!go) {
                return false;
            }
        }
        return go;
    }
}
