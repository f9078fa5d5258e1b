package io.ganglion.engine.config;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.mediator.SequenceReference;
import io.ganglion.engine.mediator.WriteContext;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes the sequences of a flow (API resource, proxy target): inline
 * {@code <inSequence [onError]>...</inSequence>} or by key ({@code inSequence="name"}).
 * Thread-safe: stateless.
 */
public final class InlineSequences {

    private InlineSequences() {}

    /** The sequence given inline ({@code childName}) or by key ({@code attrName} on owner), or null. */
    public static Mediator read(OMElement owner, String attrName, String childName, ReadContext ctx) {
        OMElement inline = ReadContext.child(owner, childName);
        String onError = inline == null ? null : ctx.attribute(inline, "onError");
        if (onError == null || ctx.attribute(owner, attrName) != null) {
            return ctx.inlineOrKeyedSequence(owner, attrName, childName);
        }
        // ReadContext's anonymous sequences carry no onError; an inline one may.
        if (onError.isBlank()) {
            throw ctx.error(inline, "attribute 'onError' of <" + childName + "> is empty");
        }
        ctx.reference(ReadContext.ReferenceKind.SEQUENCE, onError, inline);
        return new Sequence(null, onError, ctx.mediators(inline), ctx.location(inline));
    }

    /** Writes a flow sequence as an attribute (a key) or a child element (inline); null writes nothing. */
    public static void write(OMElement owner, String attrName, String childName, Mediator sequence,
            WriteContext ctx) {
        if (sequence == null) {
            return;
        }
        if (sequence instanceof SequenceReference ref) {
            ctx.attribute(owner, attrName, ref.key());
            return;
        }
        OMElement el = ctx.element(childName, owner);
        if (sequence instanceof Sequence s) {
            ctx.attribute(el, "onError", s.onError());
            ctx.mediators(el, s.children());
        } else {
            el.addChild(ctx.mediator(sequence));
        }
    }
}
