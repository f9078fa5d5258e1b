package io.ganglion.engine.endpoint.address;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.request.OutboundRequests;
import io.ganglion.engine.endpoint.request.RestPostfix;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import java.net.URI;
import java.util.Objects;

/**
 * A fixed backend URL; for REST requests the REST_URL_POSTFIX (the request path after the proxy or
 * API, plus the query) is appended, as Synapse does.
 *
 * <pre>{@code
 * <endpoint [name="n"]>
 *   <address uri="http://host:port/path" [format="soap11|soap12|pox|get|rest|json"] ...QoS.../>
 *   <property name="p" value="v"|expression="xpath" [scope="default|transport|axis2|axis2-client"]/>*
 * </endpoint>
 * }</pre>
 * Thread-safe: immutable.
 */
public final class AddressEndpoint implements Endpoint {

    private final EndpointWrapper wrapper;
    private final String uri;
    private final EndpointDefinition definition;

    public AddressEndpoint(EndpointWrapper wrapper, String uri, EndpointDefinition definition) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.definition = Objects.requireNonNull(definition, "definition");
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
        ctx.runtime().sender().send(OutboundRequests.build(ctx, target(ctx), null, definition), callback);
    }

    private String describe() {
        return wrapper.name() == null ? "address endpoint" : "address endpoint '" + wrapper.name() + "'";
    }

    @Override
    public String toString() {
        return describe() + " " + uri;
    }
}
