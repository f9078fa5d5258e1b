package io.ganglion.engine.endpoint.leaf;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.EndpointStatus;
import io.ganglion.engine.endpoint.health.Monitored;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What every leaf endpoint (address, http, default, wsdl, loadbalance member) shares: its
 * {@code <endpoint>} wrapper, the {@link Leaf} pipeline (health, timeout, auth, retry rules), and
 * sending each message to the one URL the subclass computes. Thread-safe: configuration is
 * immutable; health state is thread-safe.
 */
public abstract class LeafEndpoint implements Endpoint, Monitored {

    private final EndpointWrapper wrapper;
    private final Leaf leaf;
    private final boolean readsBody;

    /**
     * @param wrapper the {@code <endpoint>} element's name and properties
     * @param leaf the shared send pipeline
     * @param sendDefinition the QoS definition messages are sent with (its format decides conversion)
     */
    protected LeafEndpoint(EndpointWrapper wrapper, Leaf leaf, EndpointDefinition sendDefinition) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.leaf = Objects.requireNonNull(leaf, "leaf");
        this.readsBody = sendDefinition.readsBody() || wrapper.readsBody();
    }

    /** The URL this message goes to. */
    public abstract URI target(MessageContext ctx);

    /** The method every message is sent with, or null to keep the request's. */
    protected String fixedMethod() {
        return null;
    }

    @Override
    public final String name() {
        return wrapper.name();
    }

    @Override
    public final EndpointWrapper wrapper() {
        return wrapper;
    }

    /** The shared leaf machinery (health, timeout, retry rules, credentials). */
    public final Leaf leaf() {
        return leaf;
    }

    @Override
    public final boolean readsBody() {
        return readsBody;
    }

    @Override
    public final void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        leaf.send(ctx, target(ctx), fixedMethod(), callback);
    }

    @Override
    public final List<EndpointStatus> statuses(String path) {
        return leaf.statuses(path);
    }

    @Override
    public final void switchOff() {
        leaf.switchOff();
    }

    @Override
    public final void switchOn() {
        leaf.switchOn();
    }
}
