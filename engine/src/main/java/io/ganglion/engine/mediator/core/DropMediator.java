package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;

/**
 * Stops the flow. A request nobody answered gets the engine's default answer (202 Accepted).
 *
 * <pre>{@code <drop/>}</pre>
 *
 * <p>Thread-safe: immutable.
 */
public final class DropMediator implements Mediator {

    @Override
    public boolean mediate(MessageContext ctx) {
        return false;
    }
}
