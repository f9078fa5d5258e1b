package io.ganglion.engine.mediator;

import io.ganglion.engine.message.MessageContext;

/**
 * One step of a sequence. Implementations are immutable and shared by all messages; per-message
 * state lives in the {@link MessageContext}. Thread-safe: immutable.
 */
public interface Mediator {

    /**
     * Mediates the message.
     *
     * @return true to continue with the next mediator, false to stop the flow (or, when
     *     {@link MessageContext#isSuspended()} is set, to pause it until an asynchronous call returns)
     * @throws MediationException (or any runtime exception) to run the fault handlers
     */
    boolean mediate(MessageContext ctx);

    /** True when this mediator reads the message body; decided at load so unread bodies stream. */
    default boolean readsBody() {
        return false;
    }
}
