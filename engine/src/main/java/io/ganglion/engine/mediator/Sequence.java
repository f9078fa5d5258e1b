package io.ganglion.engine.mediator;

import io.ganglion.engine.config.Location;
import io.ganglion.engine.message.MessageContext;
import java.util.List;

/**
 * A sequence: named (a top-level artifact) or anonymous (inline {@code inSequence} etc.), with an
 * optional {@code onError} sequence key that handles faults raised inside it.
 *
 * <p>{@code <sequence name="n" [onError="key"]>mediator*</sequence>}. Thread-safe: immutable.
 */
public class Sequence extends ListMediator {

    private final String name;
    private final String onError;
    private final Location location;

    public Sequence(String name, String onError, List<? extends Mediator> children, Location location) {
        super(children);
        this.name = name;
        this.onError = onError;
        this.location = location;
    }

    /** An anonymous inline sequence. */
    public static Sequence anonymous(List<? extends Mediator> children) {
        return new Sequence(null, null, children, null);
    }

    /** The name, or null for an anonymous sequence. */
    public String name() {
        return name;
    }

    /** The onError sequence key, or null. */
    public String onError() {
        return onError;
    }

    /** Where the sequence was defined, or null. */
    public Location location() {
        return location;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        FaultHandler handler = pushOnError(ctx);
        boolean result = mediateFrom(ctx, 0);
        popOnError(ctx, handler);
        return result;
    }

    @Override
    public boolean resume(MessageContext ctx, int index) {
        // The onError handler pushed by mediate() is still on the stack while suspended.
        FaultHandler handler = onError == null ? null : ctx.faultStack().peek();
        boolean result = mediateFrom(ctx, index);
        popOnError(ctx, handler);
        return result;
    }

    private FaultHandler pushOnError(MessageContext ctx) {
        if (onError == null) {
            return null;
        }
        FaultHandler handler = new SequenceReference(onError, null)::mediateAsFault;
        ctx.pushFaultHandler(handler);
        return handler;
    }

    private static void popOnError(MessageContext ctx, FaultHandler handler) {
        if (handler != null && !ctx.isSuspended() && ctx.faultStack().peek() == handler) {
            ctx.faultStack().pop();
        }
    }
}
