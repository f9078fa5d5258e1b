package io.ganglion.engine.endpoint.indirect;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;

/**
 * Sends through a named endpoint of the message's configuration, failing with 305100 when it is
 * not deployed. Guards against reference cycles ({@code a -> b -> a}). Thread-safe: stateless.
 */
final class EndpointLookup {

    /** Hop counter kept on the message only while a send is being resolved. */
    private static final String HOPS = "__GANGLION_ENDPOINT_HOPS__";
    private static final int MAX_HOPS = 16;

    private EndpointLookup() {}

    static void send(String key, MessageContext ctx, SendCallback callback) {
        Endpoint target = ctx.config().endpoint(key);
        if (target == null) {
            callback.onFailure(new SendFailure(ErrorCode.INDIRECT_ENDPOINT_NOT_READY.code(),
                    "endpoint '" + key + "' is not deployed", null));
            return;
        }
        Object hops = ctx.getProperty(HOPS);
        int n = hops instanceof Integer i ? i : 0;
        if (n >= MAX_HOPS) {
            callback.onFailure(new SendFailure(ErrorCode.INDIRECT_ENDPOINT_NOT_READY.code(),
                    "endpoint '" + key + "' is part of a reference cycle", null));
            return;
        }
        ctx.setProperty(HOPS, n + 1);
        try {
            target.send(ctx, callback);
        } finally {
            ctx.setProperty(HOPS, n == 0 ? null : n);
        }
    }
}
