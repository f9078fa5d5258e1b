package io.ganglion.engine.endpoint.http;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.EndpointXml;
import io.ganglion.engine.endpoint.auth.AuthenticationXml;
import io.ganglion.engine.endpoint.auth.BackendAuth;
import io.ganglion.engine.endpoint.definition.EndpointDefinitionXml;
import io.ganglion.engine.endpoint.health.HealthCheckXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.Locale;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <endpoint><http uri-template="..."/></endpoint>}. Thread-safe: stateless. */
public final class HttpEndpointXml implements EndpointXml<HttpEndpoint> {

    @Override
    public QName element() {
        return SynapseNs.q("http");
    }

    @Override
    public Class<HttpEndpoint> type() {
        return HttpEndpoint.class;
    }

    @Override
    public HttpEndpoint read(OMElement wrapper, OMElement typeElement, ReadContext ctx) {
        String text = ctx.requiredAttribute(typeElement, "uri-template").trim();
        UriTemplate template;
        try {
            template = UriTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            throw ctx.error(typeElement, "attribute 'uri-template' of <http> is not a valid URI template: "
                    + e.getMessage());
        }
        String literal = text.startsWith(UriTemplate.LEGACY_PREFIX) ? text.substring(UriTemplate.LEGACY_PREFIX.length())
                : text;
        int brace = literal.indexOf('{');
        String head = (brace < 0 ? literal : literal.substring(0, brace)).toLowerCase(Locale.ROOT);
        if (head.contains("://") && !head.startsWith("http://") && !head.startsWith("https://")) {
            throw ctx.error(typeElement, "attribute 'uri-template' of <http> must give an http or https URL, not '"
                    + text + "'");
        }
        HttpMethod method = null;
        String m = ctx.attribute(typeElement, "method");
        if (m != null) {
            method = HttpMethod.fromXml(m);
            if (method == null) {
                throw ctx.error(typeElement, "attribute 'method' of <http> must be one of " + HttpMethod.choices()
                        + ", not '" + m + "'");
            }
        }
        OMElement authEl = ReadContext.child(typeElement, "authentication");
        BackendAuth auth = authEl == null ? null : AuthenticationXml.read(authEl, ctx);
        return new HttpEndpoint(EndpointWrapper.read(wrapper, ctx), template, method,
                EndpointDefinitionXml.read(typeElement, ctx, Set.of("authentication", HealthCheckXml.ELEMENT)), auth,
                HealthCheckXml.read(ReadContext.child(typeElement, HealthCheckXml.ELEMENT), ctx));
    }

    @Override
    public OMElement write(HttpEndpoint endpoint, WriteContext ctx) {
        OMElement http = ctx.element("http");
        ctx.attribute(http, "uri-template", endpoint.template().toXml());
        ctx.attribute(http, "method", endpoint.method() == null ? null : endpoint.method().xmlName());
        EndpointDefinitionXml.write(endpoint.definition(), http, ctx);
        if (endpoint.leaf().auth() != null) {
            AuthenticationXml.write(endpoint.leaf().auth(), http, ctx);
        }
        HealthCheckXml.write(endpoint.leaf().healthCheck(), http, ctx);
        return endpoint.wrapper().write(http, ctx);
    }
}
