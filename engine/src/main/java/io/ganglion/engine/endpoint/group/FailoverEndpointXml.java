package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.EndpointXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <endpoint><failover>...</failover></endpoint>}. Thread-safe: stateless. */
public final class FailoverEndpointXml implements EndpointXml<FailoverEndpoint> {

    @Override
    public QName element() {
        return SynapseNs.q("failover");
    }

    @Override
    public Class<FailoverEndpoint> type() {
        return FailoverEndpoint.class;
    }

    @Override
    public FailoverEndpoint read(OMElement wrapper, OMElement typeElement, ReadContext ctx) {
        List<Endpoint> children = GroupChildren.read(typeElement, ctx);
        if (children.isEmpty()) {
            throw ctx.error(typeElement, "<failover> needs at least one child <endpoint>");
        }
        Boolean dynamic = ctx.attribute(typeElement, "dynamic") == null ? null
                : ctx.booleanAttribute(typeElement, "dynamic", true);
        return new FailoverEndpoint(EndpointWrapper.read(wrapper, ctx), children, dynamic,
                RetrySettings.read(typeElement, ctx));
    }

    @Override
    public OMElement write(FailoverEndpoint endpoint, WriteContext ctx) {
        OMElement fo = ctx.element("failover");
        Boolean dynamic = endpoint.dynamicAttribute();
        ctx.attribute(fo, "dynamic", dynamic == null ? null : dynamic.toString());
        endpoint.retry().write(fo, ctx);
        GroupChildren.write(endpoint.children(), fo, ctx);
        return endpoint.wrapper().write(fo, ctx);
    }
}
