package io.ganglion.engine.endpoint.wsdl;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.EndpointXml;
import io.ganglion.engine.endpoint.definition.EndpointDefinitionXml;
import io.ganglion.engine.endpoint.health.HealthCheckXml;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.LocatedXml;
import io.ganglion.engine.xml.SynapseNs;
import java.io.ByteArrayInputStream;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <endpoint><wsdl .../></endpoint>}. Thread-safe: stateless. */
public final class WsdlEndpointXml implements EndpointXml<WsdlEndpoint> {

    @Override
    public QName element() {
        return SynapseNs.q("wsdl");
    }

    @Override
    public Class<WsdlEndpoint> type() {
        return WsdlEndpoint.class;
    }

    @Override
    public WsdlEndpoint read(OMElement wrapper, OMElement el, ReadContext ctx) {
        String uri = ctx.attribute(el, "uri");
        String service = ctx.requiredAttribute(el, "service").trim();
        String portAttribute = ctx.attribute(el, "port") != null ? "port" : "endpoint";
        String port = ctx.attribute(el, portAttribute);
        if (port == null || port.isBlank()) {
            throw ctx.error(el, "<wsdl> needs the attribute 'port' (or 'endpoint' for WSDL 2.0)");
        }
        port = port.trim();
        OMElement inline = null;
        for (OMElement c : ReadContext.children(el)) {
            if (WsdlDocument.isWsdl(c)) {
                inline = c;
            }
        }
        if ((uri == null) == (inline == null)) {
            throw ctx.error(el, "<wsdl> needs either a 'uri' or an inline WSDL (wsdl:definitions or"
                    + " wsdl2:description), not " + (uri == null ? "neither" : "both"));
        }
        OMElement document = inline;
        if (uri != null) {
            uri = uri.trim();
            byte[] bytes;
            try {
                bytes = WsdlSource.read(uri, ctx.document().file());
            } catch (IllegalArgumentException e) {
                throw ctx.error(el, "cannot read the WSDL '" + uri + "': " + e.getMessage());
            }
            try {
                document = LocatedXml.parse(uri, new ByteArrayInputStream(bytes)).root();
            } catch (ConfigException e) {
                throw ctx.error(el, "the WSDL '" + uri + "' is not well-formed XML: " + e.getMessage());
            }
        }
        WsdlDocument.Address address;
        try {
            address = WsdlDocument.find(document, service, port);
        } catch (IllegalArgumentException e) {
            throw ctx.error(el, (uri == null ? "inline WSDL" : "WSDL '" + uri + "'") + ": " + e.getMessage());
        }
        if (!TargetUri.isHttp(address.location())) {
            throw ctx.error(el, "the WSDL gives '" + address.location() + "' for " + service + "/" + port
                    + "; only http and https addresses are supported");
        }
        var definition = EndpointDefinitionXml.read(el, ctx, Set.of(HealthCheckXml.ELEMENT, "*"));
        OMElement inlineCopy = inline == null ? null : inline.cloneOMElement();
        return new WsdlEndpoint(EndpointWrapper.read(wrapper, ctx), uri, inlineCopy, service, port, portAttribute,
                address.location(), address.format(), definition,
                HealthCheckXml.read(ReadContext.child(el, HealthCheckXml.ELEMENT), ctx));
    }

    @Override
    public OMElement write(WsdlEndpoint endpoint, WriteContext ctx) {
        OMElement wsdl = ctx.element("wsdl");
        ctx.attribute(wsdl, "uri", endpoint.uri());
        ctx.attribute(wsdl, "service", endpoint.service());
        ctx.attribute(wsdl, endpoint.portAttribute(), endpoint.port());
        if (endpoint.inline() != null) {
            wsdl.addChild(endpoint.inline().cloneOMElement());
        }
        EndpointDefinitionXml.write(endpoint.definition(), wsdl, ctx);
        HealthCheckXml.write(endpoint.leaf().healthCheck(), wsdl, ctx);
        return endpoint.wrapper().write(wsdl, ctx);
    }
}
