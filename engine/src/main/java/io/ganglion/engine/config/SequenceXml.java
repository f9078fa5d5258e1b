package io.ganglion.engine.config;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.mediator.WriteContext;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes a named sequence artifact:
 * {@code <sequence name="n" [onError="key"] [trace="enable|disable"] [statistics="enable|disable"]>mediator*</sequence>}.
 * Trace and statistics are accepted and not kept (logging is configured elsewhere).
 * Thread-safe: stateless.
 */
public final class SequenceXml {

    private SequenceXml() {}

    /** Reads a top-level {@code <sequence>}. */
    public static Sequence read(OMElement el, ReadContext ctx) {
        if (ctx.attribute(el, "key") != null && ctx.attribute(el, "name") == null) {
            throw ctx.error(el, "a top-level <sequence key> loads its mediators from a registry, which is not"
                    + " supported; define the sequence with a name instead");
        }
        String name = ctx.requiredAttribute(el, "name");
        String onError = ctx.attribute(el, "onError");
        if (onError != null) {
            if (onError.isBlank()) {
                throw ctx.error(el, "attribute 'onError' of sequence '" + name + "' is empty");
            }
            ctx.reference(ReadContext.ReferenceKind.SEQUENCE, onError, el);
        }
        checkEnableDisable(el, "trace", ctx);
        checkEnableDisable(el, "statistics", ctx);
        return new Sequence(name, onError, ctx.mediators(el), ctx.location(el));
    }

    /** Writes a named sequence back. */
    public static OMElement write(Sequence sequence, WriteContext ctx) {
        OMElement el = ctx.element("sequence");
        ctx.attribute(el, "name", sequence.name());
        ctx.attribute(el, "onError", sequence.onError());
        ctx.mediators(el, sequence.children());
        return el;
    }

    /** Checks a Synapse {@code trace}/{@code statistics} flag, whose values are enable and disable. */
    static void checkEnableDisable(OMElement el, String attribute, ReadContext ctx) {
        String v = ctx.attribute(el, attribute);
        if (v != null && !v.equals("enable") && !v.equals("disable")) {
            throw ctx.error(el, "attribute '" + attribute + "' must be enable or disable, not '" + v + "'");
        }
    }
}
