package io.ganglion.engine.config;

import io.ganglion.engine.endpoint.template.EndpointTemplate;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.LocatedXml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes templates: a sequence template
 * {@code <template name="t"><parameter name="p" [defaultValue="v"] [isMandatory="true|false"]/>*
 * <sequence [onError]>mediator*</sequence></template>}, or an endpoint template, the same with one
 * {@code <endpoint>} (using {@code $p} placeholders) instead of the sequence.
 * Thread-safe: stateless.
 */
public final class TemplateXml {

    private TemplateXml() {}

    /** True when {@code el} is an endpoint template (it holds an {@code <endpoint>}). */
    public static boolean isEndpointTemplate(OMElement el) {
        return ReadContext.child(el, "endpoint") != null && ReadContext.child(el, "sequence") == null;
    }

    /** Reads an endpoint template. */
    public static EndpointTemplate readEndpointTemplate(OMElement el, ReadContext ctx) {
        String name = ctx.requiredAttribute(el, "name");
        List<EndpointTemplate.Parameter> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        OMElement endpoint = null;
        for (OMElement c : ReadContext.children(el)) {
            String local = ReadContext.isSynapse(c) ? c.getLocalName() : "";
            switch (local) {
                case "parameter": {
                    String p = ctx.requiredAttribute(c, "name");
                    if (!names.add(p)) {
                        throw ctx.error(c, "template '" + name + "' declares parameter '" + p + "' twice");
                    }
                    parameters.add(new EndpointTemplate.Parameter(p, ctx.attribute(c, "defaultValue"),
                            ctx.booleanAttribute(c, "isMandatory", false)));
                    break;
                }
                case "endpoint":
                    if (endpoint != null) {
                        throw ctx.error(c, "template '" + name + "' has more than one <endpoint>");
                    }
                    endpoint = c;
                    break;
                case "description":
                    break;
                default:
                    throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in endpoint template '" + name
                            + "'; expected <parameter> and one <endpoint>");
            }
        }
        if (ctx.attribute(endpoint, "template") != null) {
            throw ctx.error(endpoint, "the <endpoint> of template '" + name + "' cannot itself use a template");
        }
        OMElement copy = endpoint.cloneOMElement();
        // Keep the namespaces declared above the endpoint, so that it reads the same on its own.
        ReadContext.namespacesInScope(endpoint).forEach((prefix, uri) -> {
            if (copy.findNamespaceURI(prefix) == null) {
                copy.declareNamespace(uri, prefix);
            }
        });
        return new EndpointTemplate(name, parameters, copy.toString(), ctx.location(el));
    }

    /** Writes an endpoint template back. */
    public static OMElement write(EndpointTemplate template, WriteContext ctx) {
        OMElement el = ctx.element("template");
        ctx.attribute(el, "name", template.name());
        for (EndpointTemplate.Parameter p : template.parameters()) {
            OMElement pe = ctx.element("parameter", el);
            ctx.attribute(pe, "name", p.name());
            ctx.attribute(pe, "defaultValue", p.defaultValue());
            if (p.mandatory()) {
                ctx.attribute(pe, "isMandatory", "true");
            }
        }
        el.addChild(LocatedXml.parse("template " + template.name(), template.endpointXml()).root());
        return el;
    }

    /** Reads a sequence template. */
    public static SequenceTemplate read(OMElement el, ReadContext ctx) {
        String name = ctx.requiredAttribute(el, "name");
        List<SequenceTemplate.Parameter> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        OMElement body = null;
        for (OMElement c : ReadContext.children(el)) {
            String local = ReadContext.isSynapse(c) ? c.getLocalName() : "";
            switch (local) {
                case "parameter": {
                    String p = ctx.requiredAttribute(c, "name");
                    if (!names.add(p)) {
                        throw ctx.error(c, "template '" + name + "' declares parameter '" + p + "' twice");
                    }
                    parameters.add(new SequenceTemplate.Parameter(p, ctx.attribute(c, "defaultValue"),
                            ctx.booleanAttribute(c, "isMandatory", false)));
                    break;
                }
                case "sequence":
                    if (body != null) {
                        throw ctx.error(c, "template '" + name + "' has more than one <sequence>");
                    }
                    body = c;
                    break;
                case "endpoint":
                    throw ctx.error(c, "template '" + name + "' holds both a <sequence> and an <endpoint>");
                case "description":
                    break;
                default:
                    throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in template '" + name
                            + "'; expected <parameter> and one <sequence>");
            }
        }
        if (body == null) {
            throw ctx.error(el, "template '" + name + "' needs a <sequence>");
        }
        String onError = ctx.attribute(body, "onError");
        if (onError != null) {
            ctx.reference(ReadContext.ReferenceKind.SEQUENCE, onError, body);
        }
        Sequence sequence = new Sequence(null, onError, ctx.mediators(body), ctx.location(body));
        return new SequenceTemplate(name, List.copyOf(parameters), sequence, ctx.location(el));
    }

    /** Writes a sequence template back. */
    public static OMElement write(SequenceTemplate template, WriteContext ctx) {
        OMElement el = ctx.element("template");
        ctx.attribute(el, "name", template.name());
        for (SequenceTemplate.Parameter p : template.parameters()) {
            OMElement pe = ctx.element("parameter", el);
            ctx.attribute(pe, "name", p.name());
            ctx.attribute(pe, "defaultValue", p.defaultValue());
            if (p.mandatory()) {
                ctx.attribute(pe, "isMandatory", "true");
            }
        }
        OMElement seq = ctx.element("sequence", el);
        ctx.attribute(seq, "onError", template.body().onError());
        ctx.mediators(seq, template.body().children());
        return el;
    }
}
