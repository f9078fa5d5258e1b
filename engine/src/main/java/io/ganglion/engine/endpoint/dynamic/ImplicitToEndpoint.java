package io.ganglion.engine.endpoint.dynamic;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.request.OutboundRequests;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;

/**
 * What {@code <send/>} and {@code <call/>} use when they name no endpoint: the message's To address
 * exactly as it is (no REST_URL_POSTFIX, no QoS), as Synapse's implicit send. Not configurable,
 * so it has no XML form. Thread-safe: stateless.
 */
public final class ImplicitToEndpoint implements Endpoint {

    /** The single instance. */
    public static final ImplicitToEndpoint INSTANCE = new ImplicitToEndpoint();

    private ImplicitToEndpoint() {}

    @Override
    public String name() {
        return null;
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        String to = ctx.getTo();
        if (!TargetUri.isHttp(to)) {
            throw new MediationException("<send/> without an endpoint sends to the message's To address, but "
                    + (to == null ? "To is not set" : "To '" + to + "' is not an absolute http or https URL")
                    + "; set it with <header name=\"To\" value=\"http://...\"/> or give <send> an endpoint");
        }
        var target = TargetUri.parse(to, "the To address");
        ctx.runtime().sender().send(OutboundRequests.build(ctx, target, null, EndpointDefinition.EMPTY), callback);
    }

    @Override
    public String toString() {
        return "implicit To endpoint";
    }
}
