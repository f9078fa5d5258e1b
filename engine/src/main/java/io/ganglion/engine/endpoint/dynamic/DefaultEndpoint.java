package io.ganglion.engine.endpoint.dynamic;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.leaf.LeafEndpoint;
import io.ganglion.engine.endpoint.request.RestPostfix;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import java.net.URI;

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
public final class DefaultEndpoint extends LeafEndpoint {

    private final EndpointDefinition definition;

    public DefaultEndpoint(EndpointWrapper wrapper, EndpointDefinition definition) {
        super(wrapper, new Leaf("default", describe(wrapper), definition, ErrorCode.ADDRESS_ENDPOINT_NOT_READY.code(),
                null, null, true), definition);
        this.definition = definition;
    }

    public EndpointDefinition definition() {
        return definition;
    }

    /**
     * The To address plus, for REST requests, the REST_URL_POSTFIX.
     *
     * @throws MediationException when To is missing or not an absolute http(s) URL
     */
    @Override
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
    public String toString() {
        return describe(wrapper());
    }

    private static String describe(EndpointWrapper wrapper) {
        return wrapper.name() == null ? "default endpoint" : "default endpoint '" + wrapper.name() + "'";
    }
}
