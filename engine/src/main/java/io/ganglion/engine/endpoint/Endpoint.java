package io.ganglion.engine.endpoint;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import java.util.List;

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

    /** The {@code <endpoint>} element's name, properties and flags, or null when it has none. */
    default EndpointWrapper wrapper() {
        return null;
    }

    /** The child endpoints of a group (failover, loadbalance...); empty for leaves and references. */
    default List<Endpoint> children() {
        return List.of();
    }

    /** The key a reference ({@code <endpoint key>}) points to, or null for anything else. */
    default String referencedKey() {
        return null;
    }
}
