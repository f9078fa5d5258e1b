package io.ganglion.engine.endpoint.address;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.EndpointStatus;
import io.ganglion.engine.endpoint.health.HealthCheck;
import io.ganglion.engine.endpoint.health.Monitored;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.request.RestPostfix;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A fixed backend URL; for REST requests the REST_URL_POSTFIX (the request path after the proxy or
 * API, plus the query) is appended, as Synapse does. Timeout, suspension and retry settings apply
 * (see {@link Leaf}).
 *
 * <pre>{@code
 * <endpoint [name="n"]>
 *   <address uri="http://host:port/path" [format="soap11|soap12|pox|get|rest|json"] ...QoS...>
 *     <healthCheck path="/health" .../>?
 *   </address>
 *   <property name="p" value="v"|expression="xpath" [scope="default|transport|axis2|axis2-client"]/>*
 * </endpoint>
 * }</pre>
 * Thread-safe: configuration is immutable; health state is thread-safe.
 */
public final class AddressEndpoint implements Endpoint, Monitored {

    private final EndpointWrapper wrapper;
    private final String uri;
    private final EndpointDefinition definition;
    private final Leaf leaf;

    public AddressEndpoint(EndpointWrapper wrapper, String uri, EndpointDefinition definition) {
        this(wrapper, uri, definition, null);
    }

    /** @param check an active health check, or null */
    public AddressEndpoint(EndpointWrapper wrapper, String uri, EndpointDefinition definition, HealthCheck check) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.leaf = new Leaf("address", describe(), definition, ErrorCode.ADDRESS_ENDPOINT_NOT_READY.code(), null,
                check, false);
    }

    @Override
    public String name() {
        return wrapper.name();
    }

    @Override
    public EndpointWrapper wrapper() {
        return wrapper;
    }

    /** The configured address, without any postfix. */
    public String uri() {
        return uri;
    }

    public EndpointDefinition definition() {
        return definition;
    }

    /** The shared leaf machinery (health, timeout, retry rules). */
    public Leaf leaf() {
        return leaf;
    }

    @Override
    public boolean readsBody() {
        return definition.readsBody() || wrapper.readsBody();
    }

    /** The URL a message is sent to: the address, plus the REST_URL_POSTFIX for REST requests. */
    public URI target(MessageContext ctx) {
        return TargetUri.parse(RestPostfix.apply(ctx, uri, definition.format()), describe());
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        leaf.send(ctx, target(ctx), null, callback);
    }

    private String describe() {
        return wrapper.name() == null ? "address endpoint " + uri : "address endpoint '" + wrapper.name() + "'";
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
        return describe() + " " + uri;
    }
}
