package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;

/**
 * Turns the message into a response and runs the response flow (the out sequence); stops this flow.
 *
 * <pre>{@code <loopback/>}</pre>
 *
 * <p>Thread-safe: immutable.
 */
public final class LoopbackMediator implements Mediator {

    @Override
    public boolean mediate(MessageContext ctx) {
        ctx.runtime().loopback(ctx);
        return false;
    }
}
