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

    /** What both kinds of template share: a name, declared parameters and one body element. */
    private record Parts(String name, List<SequenceTemplate.Parameter> parameters, OMElement body) {}

    /** True when {@code el} is an endpoint template (it holds an {@code <endpoint>}). */
    public static boolean isEndpointTemplate(OMElement el) {
        return ReadContext.child(el, "endpoint") != null && ReadContext.child(el, "sequence") == null;
    }

    /** Reads an endpoint template. */
    public static EndpointTemplate readEndpointTemplate(OMElement el, ReadContext ctx) {
        Parts parts = readParts(el, ctx, "endpoint", "endpoint template");
        String name = parts.name();
        OMElement endpoint = parts.body();
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
        List<EndpointTemplate.Parameter> parameters = new ArrayList<>();
        for (SequenceTemplate.Parameter p : parts.parameters()) {
            parameters.add(new EndpointTemplate.Parameter(p.name(), p.defaultValue(), p.mandatory()));
        }
        return new EndpointTemplate(name, parameters, copy.toString(), ctx.location(el));
    }

    /** Writes an endpoint template back. */
    public static OMElement write(EndpointTemplate template, WriteContext ctx) {
        OMElement el = ctx.element("template");
        ctx.attribute(el, "name", template.name());
        for (EndpointTemplate.Parameter p : template.parameters()) {
            writeParameter(el, p.name(), p.defaultValue(), p.mandatory(), ctx);
        }
        el.addChild(LocatedXml.parse("template " + template.name(), template.endpointXml()).root());
        return el;
    }

    /** Reads a sequence template. */
    public static SequenceTemplate read(OMElement el, ReadContext ctx) {
        Parts parts = readParts(el, ctx, "sequence", "template");
        OMElement body = parts.body();
        String onError = ctx.attribute(body, "onError");
        if (onError != null) {
            ctx.reference(ReadContext.ReferenceKind.SEQUENCE, onError, body);
        }
        Sequence sequence = new Sequence(null, onError, ctx.mediators(body), ctx.location(body));
        return new SequenceTemplate(parts.name(), parts.parameters(), sequence, ctx.location(el));
    }

    /** Writes a sequence template back. */
    public static OMElement write(SequenceTemplate template, WriteContext ctx) {
        OMElement el = ctx.element("template");
        ctx.attribute(el, "name", template.name());
        for (SequenceTemplate.Parameter p : template.parameters()) {
            writeParameter(el, p.name(), p.defaultValue(), p.mandatory(), ctx);
        }
        OMElement seq = ctx.element("sequence", el);
        ctx.attribute(seq, "onError", template.body().onError());
        ctx.mediators(seq, template.body().children());
        return el;
    }

    /**
     * Reads the name, the {@code <parameter>}s and the one {@code bodyElement} child of a template;
     * {@code <description>} is skipped, anything else is an error.
     */
    private static Parts readParts(OMElement el, ReadContext ctx, String bodyElement, String kind) {
        String name = ctx.requiredAttribute(el, "name");
        List<SequenceTemplate.Parameter> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        OMElement body = null;
        String other = bodyElement.equals("sequence") ? "endpoint" : "sequence";
        for (OMElement c : ReadContext.children(el)) {
            String local = ReadContext.isSynapse(c) ? c.getLocalName() : "";
            if (local.equals("parameter")) {
                String p = ctx.requiredAttribute(c, "name");
                if (!names.add(p)) {
                    throw ctx.error(c, "template '" + name + "' declares parameter '" + p + "' twice");
                }
                parameters.add(new SequenceTemplate.Parameter(p, ctx.attribute(c, "defaultValue"),
                        ctx.booleanAttribute(c, "isMandatory", false)));
            } else if (local.equals(bodyElement)) {
                if (body != null) {
                    throw ctx.error(c, "template '" + name + "' has more than one <" + bodyElement + ">");
                }
                body = c;
            } else if (local.equals(other)) {
                throw ctx.error(c, "template '" + name + "' holds both a <sequence> and an <endpoint>");
            } else if (!local.equals("description")) {
                throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in " + kind + " '" + name
                        + "'; expected <parameter> and one <" + bodyElement + ">");
            }
        }
        if (body == null) {
            throw ctx.error(el, "template '" + name + "' needs a <" + bodyElement + ">");
        }
        return new Parts(name, List.copyOf(parameters), body);
    }

    private static void writeParameter(OMElement template, String name, String defaultValue, boolean mandatory,
            WriteContext ctx) {
        OMElement pe = ctx.element("parameter", template);
        ctx.attribute(pe, "name", name);
        ctx.attribute(pe, "defaultValue", defaultValue);
        if (mandatory) {
            ctx.attribute(pe, "isMandatory", "true");
        }
    }
}
