package io.ganglion.engine.mediator.core;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;

/**
 * Sends the request and continues the same flow with the response (WSO2's call mediator).
 *
 * <pre>{@code
 * <call [blocking="true|false"]>
 *   <endpoint .../>?
 * </call>
 * }</pre>
 *
 * <p>The flow pauses: every enclosing list saves where to resume, and the engine resumes at the
 * next mediator once the response is in the message. With no endpoint the request goes to its To
 * address. {@code blocking} is accepted, but both modes pause without holding a thread. WSO2's
 * {@code <source>}/{@code <target>} children are not supported (use enrich before and after).
 * Thread-safe: immutable.
 */
public final class CallMediator implements Mediator {

    private final Endpoint endpoint;
    private final Boolean blocking;

    /**
     * @param endpoint where to send, or null for the message's To address
     * @param blocking the {@code blocking} attribute as written (kept only to write it back), or null
     */
    public CallMediator(Endpoint endpoint, Boolean blocking) {
        this.endpoint = endpoint;
        this.blocking = blocking;
    }

    /** The endpoint, or null. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The {@code blocking} attribute, or null when absent. */
    public Boolean blocking() {
        return blocking;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        ctx.runtime().call(ctx, endpoint);
        ctx.suspend();
        return false;
    }

    @Override
    public boolean readsBody() {
        return endpoint != null && endpoint.readsBody();
    }
}
