package io.ganglion.engine.endpoint;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;

/**
 * Where a message is sent: a leaf (address, http, default, wsdl), a reference, or a group.
 * Thread-safe: configuration is immutable; runtime state (health) is kept in thread-safe holders.
 */
public interface Endpoint {

    /** The name, or null for an anonymous inline endpoint. */
    String name();

    /**
     * Sends the message (a request) and reports the outcome to {@code callback}. Returns at once.
     * The callback may run on an I/O thread and must not block.
     */
    void send(MessageContext ctx, SendCallback callback);

    /** True when sending needs the body built (format conversion); decided at load. */
    default boolean readsBody() {
        return false;
    }
}
