package io.ganglion.engine.endpoint.template;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.ReadContext.ReferenceKind;
import io.ganglion.engine.mediator.WriteContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMNode;

/**
 * Reads and writes {@code <endpoint template="t" [name] [uri]><parameter name value/>*</endpoint>};
 * the registry calls it for {@code <endpoint>}s with a {@code template} attribute.
 * Thread-safe: stateless.
 */
public final class TemplateEndpointXml {

    private static final Set<String> CHILDREN = Set.of("parameter", "property", "description");

    private TemplateEndpointXml() {}

    public static TemplateEndpoint read(OMElement el, ReadContext ctx) {
        String template = ctx.requiredAttribute(el, "template").trim();
        if (ctx.attribute(el, "key") != null || ctx.attribute(el, "key-expression") != null) {
            throw ctx.error(el, "<endpoint> takes 'template' or 'key', not both");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (OMElement c : ReadContext.children(el)) {
            if (!ReadContext.isSynapse(c) || !CHILDREN.contains(c.getLocalName())) {
                throw ctx.error(c, "<endpoint template=\"" + template + "\"> takes <parameter>s, not <"
                        + c.getLocalName() + ">");
            }
            if (c.getLocalName().equals("parameter")) {
                String name = ctx.requiredAttribute(c, "name");
                String value = ctx.attribute(c, "value");
                if (value == null) {
                    throw ctx.error(c, "<parameter> '" + name + "' needs a 'value'");
                }
                if (params.put(name, value) != null) {
                    throw ctx.error(c, "parameter '" + name + "' is given twice");
                }
            }
        }
        if (TemplateInstantiation.depth() == 0) {
            ctx.reference(ReferenceKind.TEMPLATE, template, el);
        }
        return new TemplateEndpoint(EndpointWrapper.read(el, ctx), template, ctx.attribute(el, "uri"), params,
                ctx.location(el));
    }

    public static OMElement write(TemplateEndpoint endpoint, WriteContext ctx) {
        OMElement el = endpoint.wrapper().write(null, ctx);
        ctx.attribute(el, "template", endpoint.template());
        ctx.attribute(el, "uri", endpoint.uri());
        OMNode first = el.getFirstOMChild();
        for (Map.Entry<String, String> p : endpoint.parameters().entrySet()) {
            OMElement pe = ctx.element("parameter");
            ctx.attribute(pe, "name", p.getKey());
            ctx.attribute(pe, "value", p.getValue());
            if (first == null) {
                el.addChild(pe);
            } else {
                first.insertSiblingBefore(pe);
            }
        }
        return el;
    }
}
