package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import java.util.List;

/**
 * Runs its children only for responses; otherwise the flow continues past it.
 *
 * <pre>{@code <out>mediator*</out>}</pre>
 *
 * <p>Thread-safe: immutable.
 */
public final class OutMediator extends ListMediator {

    public OutMediator(List<? extends Mediator> children) {
        super(children);
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        if (!ctx.isResponse()) {
            return true;
        }
        return super.mediate(ctx);
    }
}
