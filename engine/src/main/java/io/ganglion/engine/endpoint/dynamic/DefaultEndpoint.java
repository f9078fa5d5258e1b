package io.ganglion.engine.endpoint.dynamic;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.EndpointStatus;
import io.ganglion.engine.endpoint.health.Monitored;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.request.RestPostfix;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Sends to the message's To address (set by {@code <header name="To">}), with the endpoint's
 * format and timeout; for REST requests the REST_URL_POSTFIX is appended, as Synapse does for
 * {@code <endpoint><default/></endpoint>}. Unlike Synapse, suspension state is kept per target
 * ({@code scheme://host:port}), so one unreachable To address does not suspend the others.
 *
 * <pre>{@code
 * <endpoint [name="n"]>
 *   <default [format="soap11|soap12|pox|get|rest|json"] ...QoS.../>
 *   <property .../>*
 * </endpoint>
 * }</pre>
 * Thread-safe: configuration is immutable; health state is thread-safe.
 */
public final class DefaultEndpoint implements Endpoint, Monitored {

    private final EndpointWrapper wrapper;
    private final EndpointDefinition definition;
    private final Leaf leaf;

    public DefaultEndpoint(EndpointWrapper wrapper, EndpointDefinition definition) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.leaf = new Leaf("default", toString(), definition, ErrorCode.ADDRESS_ENDPOINT_NOT_READY.code(), null,
                null, true);
    }

    @Override
    public String name() {
        return wrapper.name();
    }

    @Override
    public EndpointWrapper wrapper() {
        return wrapper;
    }

    public EndpointDefinition definition() {
        return definition;
    }

    /** The shared leaf machinery (per-target health, timeout, retry rules). */
    public Leaf leaf() {
        return leaf;
    }

    @Override
    public boolean readsBody() {
        return definition.readsBody() || wrapper.readsBody();
    }

    /**
     * The To address plus, for REST requests, the REST_URL_POSTFIX.
     *
     * @throws MediationException when To is missing or not an absolute http(s) URL
     */
    public URI target(MessageContext ctx) {
        String to = ctx.getTo();
        String what = toString();
        if (!TargetUri.isHttp(to)) {
            throw new MediationException(what + " sends to the message's To address, but "
                    + (to == null ? "To is not set" : "To '" + to + "' is not an absolute http or https URL")
                    + "; set it with <header name=\"To\" value=\"http://...\"/>");
        }
        return TargetUri.parse(RestPostfix.apply(ctx, to.trim(), definition.format()), what);
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        leaf.send(ctx, target(ctx), null, callback);
    }

    @Override
    public List<EndpointStatus> statuses(String path) {
        return leaf.statuses(path);
    }

    @Override
    public void switchOff() {
        leaf.switchOff();
    }

    @Override
    public void switchOn() {
        leaf.switchOn();
    }

    @Override
    public String toString() {
        return wrapper.name() == null ? "default endpoint" : "default endpoint '" + wrapper.name() + "'";
    }
}
