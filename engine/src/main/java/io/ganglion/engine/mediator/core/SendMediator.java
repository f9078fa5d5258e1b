package io.ganglion.engine.mediator.core;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;

/**
 * Sends the message on and lets the flow continue (Synapse samples put {@code <drop/>} after it).
 *
 * <pre>{@code
 * <send [receive="sequenceKey"] [buildmessage="true|false"]>
 *   <endpoint .../>?
 * </send>
 * }</pre>
 *
 * <p>A request goes to the endpoint, or with none to its To address; its response is mediated by
 * the {@code receive} sequence or else the flow's out sequence. A response goes back to the client.
 * {@code buildmessage} is accepted and ignored: the engine builds bodies only when a mediator needs
 * them. Thread-safe: immutable.
 */
public final class SendMediator implements Mediator {

    private final Endpoint endpoint;
    private final String receive;
    private final Boolean buildMessage;

    /**
     * @param endpoint where to send, or null for the message's To address
     * @param receive the sequence that mediates the response, or null
     * @param buildMessage the {@code buildmessage} attribute as written (kept only to write it back), or null
     */
    public SendMediator(Endpoint endpoint, String receive, Boolean buildMessage) {
        this.endpoint = endpoint;
        this.receive = receive;
        this.buildMessage = buildMessage;
    }

    /** The endpoint, or null. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The receiving sequence key, or null. */
    public String receive() {
        return receive;
    }

    /** The {@code buildmessage} attribute, or null when absent. */
    public Boolean buildMessage() {
        return buildMessage;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        ctx.runtime().send(ctx, endpoint, receive);
        return true;
    }

    @Override
    public boolean readsBody() {
        return endpoint != null && endpoint.readsBody();
    }
}
