package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;

/**
 * Sends the message back to the client as the response and stops the flow.
 *
 * <pre>{@code <respond/>}</pre>
 *
 * <p>Thread-safe: immutable.
 */
public final class RespondMediator implements Mediator {

    @Override
    public boolean mediate(MessageContext ctx) {
        ctx.runtime().respond(ctx);
        return false;
    }
}
