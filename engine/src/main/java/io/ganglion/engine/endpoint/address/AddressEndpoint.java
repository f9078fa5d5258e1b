package io.ganglion.engine.endpoint.address;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.HealthCheck;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.leaf.LeafEndpoint;
import io.ganglion.engine.endpoint.request.RestPostfix;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import java.net.URI;
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
public final class AddressEndpoint extends LeafEndpoint {

    private final String uri;
    private final EndpointDefinition definition;

    public AddressEndpoint(EndpointWrapper wrapper, String uri, EndpointDefinition definition) {
        this(wrapper, uri, definition, null);
    }

    /** @param check an active health check, or null */
    public AddressEndpoint(EndpointWrapper wrapper, String uri, EndpointDefinition definition, HealthCheck check) {
        super(wrapper, new Leaf("address", describe(wrapper, uri), definition,
                ErrorCode.ADDRESS_ENDPOINT_NOT_READY.code(), null, check, false), definition);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.definition = definition;
    }

    /** The configured address, without any postfix. */
    public String uri() {
        return uri;
    }

    public EndpointDefinition definition() {
        return definition;
    }

    /** The URL a message is sent to: the address, plus the REST_URL_POSTFIX for REST requests. */
    @Override
    public URI target(MessageContext ctx) {
        return TargetUri.parse(RestPostfix.apply(ctx, uri, definition.format()), describe(wrapper(), uri));
    }

    private static String describe(EndpointWrapper wrapper, String uri) {
        return wrapper.name() == null ? "address endpoint " + uri : "address endpoint '" + wrapper.name() + "'";
    }

    @Override
    public String toString() {
        return describe(wrapper(), uri) + " " + uri;
    }
}
