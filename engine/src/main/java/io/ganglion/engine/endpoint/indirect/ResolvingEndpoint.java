package io.ganglion.engine.endpoint.indirect;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.Objects;

/**
 * An endpoint chosen per message: the XPath's string value names a deployed endpoint.
 *
 * <pre>{@code <endpoint key-expression="get-property('targetEp')"/>}</pre>
 * Thread-safe: immutable.
 */
public final class ResolvingEndpoint implements Endpoint {

    private final EndpointWrapper wrapper;
    private final SynapseXPath keyExpression;

    public ResolvingEndpoint(EndpointWrapper wrapper, SynapseXPath keyExpression) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.keyExpression = Objects.requireNonNull(keyExpression, "keyExpression");
    }

    @Override
    public String name() {
        return wrapper.name();
    }

    @Override
    public EndpointWrapper wrapper() {
        return wrapper;
    }

    public SynapseXPath keyExpression() {
        return keyExpression;
    }

    @Override
    public boolean readsBody() {
        return keyExpression.readsBody() || wrapper.readsBody();
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        String key = keyExpression.stringValueOf(ctx);
        if (key == null || key.isBlank()) {
            callback.onFailure(new SendFailure(ErrorCode.INDIRECT_ENDPOINT_NOT_READY.code(),
                    "key-expression '" + keyExpression.expression() + "' gave no endpoint name", null));
            return;
        }
        EndpointLookup.send(key.trim(), ctx, callback);
    }

    @Override
    public String toString() {
        return "endpoint key-expression '" + keyExpression.expression() + "'";
    }
}
