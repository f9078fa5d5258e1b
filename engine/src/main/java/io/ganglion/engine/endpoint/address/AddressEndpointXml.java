package io.ganglion.engine.endpoint.address;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.EndpointXml;
import io.ganglion.engine.endpoint.definition.EndpointDefinitionXml;
import io.ganglion.engine.endpoint.health.HealthCheckXml;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <endpoint><address uri="..."/></endpoint>}. Thread-safe: stateless. */
public final class AddressEndpointXml implements EndpointXml<AddressEndpoint> {

    @Override
    public QName element() {
        return SynapseNs.q("address");
    }

    @Override
    public Class<AddressEndpoint> type() {
        return AddressEndpoint.class;
    }

    @Override
    public AddressEndpoint read(OMElement wrapper, OMElement typeElement, ReadContext ctx) {
        String uri = ctx.requiredAttribute(typeElement, "uri").trim();
        if (!TargetUri.isHttp(uri)) {
            throw ctx.error(typeElement, "attribute 'uri' of <address> must be an absolute http or https URL, not '"
                    + uri + "'");
        }
        return new AddressEndpoint(EndpointWrapper.read(wrapper, ctx), uri,
                EndpointDefinitionXml.read(typeElement, ctx, Set.of(HealthCheckXml.ELEMENT)),
                HealthCheckXml.read(ReadContext.child(typeElement, HealthCheckXml.ELEMENT), ctx));
    }

    @Override
    public OMElement write(AddressEndpoint endpoint, WriteContext ctx) {
        OMElement address = ctx.element("address");
        ctx.attribute(address, "uri", endpoint.uri());
        EndpointDefinitionXml.write(endpoint.definition(), address, ctx);
        HealthCheckXml.write(endpoint.leaf().healthCheck(), address, ctx);
        return endpoint.wrapper().write(address, ctx);
    }
}
