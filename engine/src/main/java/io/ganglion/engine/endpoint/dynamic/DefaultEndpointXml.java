package io.ganglion.engine.endpoint.dynamic;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.EndpointXml;
import io.ganglion.engine.endpoint.definition.EndpointDefinitionXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <endpoint><default/></endpoint>}. Thread-safe: stateless. */
public final class DefaultEndpointXml implements EndpointXml<DefaultEndpoint> {

    @Override
    public QName element() {
        return SynapseNs.q("default");
    }

    @Override
    public Class<DefaultEndpoint> type() {
        return DefaultEndpoint.class;
    }

    @Override
    public DefaultEndpoint read(OMElement wrapper, OMElement typeElement, ReadContext ctx) {
        return new DefaultEndpoint(EndpointWrapper.read(wrapper, ctx), EndpointDefinitionXml.read(typeElement, ctx));
    }

    @Override
    public OMElement write(DefaultEndpoint endpoint, WriteContext ctx) {
        OMElement def = ctx.element("default");
        EndpointDefinitionXml.write(endpoint.definition(), def, ctx);
        return endpoint.wrapper().write(def, ctx);
    }
}
