package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import java.util.List;

/**
 * Runs its children only for requests; otherwise the flow continues past it.
 *
 * <pre>{@code <in>mediator*</in>}</pre>
 *
 * <p>Thread-safe: immutable.
 */
public final class InMediator extends ListMediator {

    public InMediator(List<? extends Mediator> children) {
        super(children);
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        if (ctx.isResponse()) {
            return true;
        }
        return super.mediate(ctx);
    }
}
