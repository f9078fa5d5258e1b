package io.ganglion.engine.mediator;

import io.ganglion.engine.message.MessageContext;

/**
 * Where a paused list mediator resumes once an asynchronous call returns.
 *
 * @param list the list that was running
 * @param index the child to run next
 */
public record Continuation(ListMediator list, int index) {

    /** Runs the rest of the list; same return contract as {@link Mediator#mediate}. */
    public boolean resume(MessageContext ctx) {
        return list.resume(ctx, index);
    }
}
