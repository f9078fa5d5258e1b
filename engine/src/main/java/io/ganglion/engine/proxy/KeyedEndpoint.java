package io.ganglion.engine.proxy;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;

/**
 * A proxy target given by key ({@code <target endpoint="name">}): the named endpoint is looked up in
 * the message's configuration when sending, so it may be defined in any file and follows
 * redeployment. Thread-safe: immutable.
 */
public final class KeyedEndpoint implements Endpoint {

    private final String key;
    private final boolean readsBody;

    /**
     * @param key the endpoint's name
     * @param readsBody whether the endpoint the key named at load time reads the body
     */
    public KeyedEndpoint(String key, boolean readsBody) {
        this.key = key;
        this.readsBody = readsBody;
    }

    /** The referenced endpoint's name. */
    public String key() {
        return key;
    }

    @Override
    public String name() {
        return key;
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        Endpoint target = ctx.config().endpoint(key);
        if (target == null) {
            throw new MediationException("endpoint '" + key + "' is not deployed");
        }
        target.send(ctx, callback);
    }

    @Override
    public boolean readsBody() {
        return readsBody;
    }
}
