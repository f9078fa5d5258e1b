package io.ganglion.engine.endpoint.indirect;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import java.util.Objects;

/**
 * A reference to a named endpoint, resolved in the message's configuration each time it is used,
 * so redeploying the target takes effect at once. A missing target fails the send with 305100.
 *
 * <pre>{@code <endpoint key="QuoteEP"/>}</pre>
 * Thread-safe: immutable.
 */
public final class IndirectEndpoint implements Endpoint {

    private final EndpointWrapper wrapper;
    private final String key;

    public IndirectEndpoint(EndpointWrapper wrapper, String key) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public String name() {
        return wrapper.name();
    }

    @Override
    public EndpointWrapper wrapper() {
        return wrapper;
    }

    /** The name of the endpoint referred to. */
    public String key() {
        return key;
    }

    @Override
    public String referencedKey() {
        return key;
    }

    @Override
    public boolean readsBody() {
        // The target is only known at run time; a target that converts the body builds it then.
        return wrapper.readsBody();
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        EndpointLookup.send(key, ctx, callback);
    }

    @Override
    public String toString() {
        return "endpoint reference '" + key + "'";
    }
}
