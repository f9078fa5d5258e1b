package io.ganglion.engine.mediator;

import io.ganglion.engine.message.MessageContext;
import java.util.List;

/**
 * Runs child mediators in order, stops on the first false, and records where to resume when a
 * child suspends the flow (the {@code call} mediator). Thread-safe: immutable.
 */
public class ListMediator implements Mediator {

    private final Mediator[] children;
    private final boolean readsBody;

    public ListMediator(List<? extends Mediator> children) {
        this.children = children.toArray(new Mediator[0]);
        boolean reads = false;
        for (Mediator m : this.children) {
            reads |= m.readsBody();
        }
        this.readsBody = reads;
    }

    /** The children, in order. */
    public List<Mediator> children() {
        return List.of(children);
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        return mediateFrom(ctx, 0);
    }

    /** Runs children from {@code start}; a suspension saves a continuation at the next child. */
    protected final boolean mediateFrom(MessageContext ctx, int start) {
        for (int i = start; i < children.length; i++) {
            if (!children[i].mediate(ctx)) {
                if (ctx.isSuspended()) {
                    ctx.addContinuation(new Continuation(this, i + 1));
                }
                return false;
            }
        }
        return true;
    }

    /** Resumes after a suspension; subclasses that hold per-run state (onError) override it. */
    public boolean resume(MessageContext ctx, int index) {
        return mediateFrom(ctx, index);
    }

    @Override
    public boolean readsBody() {
        return readsBody;
    }
}
