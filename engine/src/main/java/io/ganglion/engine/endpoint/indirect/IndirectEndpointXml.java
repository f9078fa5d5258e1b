package io.ganglion.engine.endpoint.indirect;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.ReadContext.ReferenceKind;
import io.ganglion.engine.mediator.WriteContext;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes the reference forms of {@code <endpoint>}: {@code key="name"} and
 * {@code key-expression="xpath"}. They have no type element, so the registry calls these
 * directly. Thread-safe: stateless.
 */
public final class IndirectEndpointXml {

    private IndirectEndpointXml() {}

    /** Reads {@code <endpoint key="..."/>}; the key is recorded for validation after loading. */
    public static IndirectEndpoint readKey(OMElement endpoint, ReadContext ctx) {
        String key = ctx.requiredAttribute(endpoint, "key").trim();
        ctx.reference(ReferenceKind.ENDPOINT, key, endpoint);
        return new IndirectEndpoint(EndpointWrapper.read(endpoint, ctx), key);
    }

    /** Reads {@code <endpoint key-expression="..."/>}. */
    public static ResolvingEndpoint readKeyExpression(OMElement endpoint, ReadContext ctx) {
        String expression = ctx.requiredAttribute(endpoint, "key-expression");
        return new ResolvingEndpoint(EndpointWrapper.read(endpoint, ctx), ctx.xpath(endpoint, expression));
    }

    public static OMElement write(IndirectEndpoint endpoint, WriteContext ctx) {
        OMElement el = endpoint.wrapper().write(null, ctx);
        ctx.attribute(el, "key", endpoint.key());
        return el;
    }

    public static OMElement write(ResolvingEndpoint endpoint, WriteContext ctx) {
        OMElement el = endpoint.wrapper().write(null, ctx);
        ctx.xpathAttribute(el, "key-expression", endpoint.keyExpression());
        return el;
    }
}
