package io.ganglion.engine.rest;

import io.ganglion.engine.config.InlineSequences;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.mediator.script.ScriptMediator;
import io.ganglion.engine.mediator.script.ScriptMediatorXml;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes an API resource:
 * {@code <resource [methods="GET POST ..."] [uri-template="/{id}" | url-mapping="/x/*"]
 * [content-type] [user-agent="regex"] [protocol="http|https"] [inSequence|outSequence|faultSequence="key"]>
 * [<inSequence>] [<outSequence>] [<faultSequence>]</resource>}, or with
 * {@code <prototype language="js">script</prototype>} (a {@link PrototypeImplementation}) instead of the in and
 * out sequences. Thread-safe: stateless.
 */
public final class ResourceXml {

    /** The HTTP methods a resource may list. */
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH");

    private static final Set<String> CHILDREN = Set.of("inSequence", "outSequence", "faultSequence", "description",
            "prototype");
    private static final ScriptMediatorXml SCRIPT_XML = new ScriptMediatorXml();

    private ResourceXml() {}

    /** Reads a {@code <resource>} of the API named {@code apiName}. */
    public static Resource read(OMElement el, String apiName, ReadContext ctx) {
        Set<String> methods = new LinkedHashSet<>();
        String methodList = ctx.attribute(el, "methods");
        if (methodList != null) {
            for (String m : methodList.trim().split("[\\s,]+")) {
                if (m.isEmpty()) {
                    continue;
                }
                String upper = m.toUpperCase(Locale.ROOT);
                if (!METHODS.contains(upper)) {
                    throw ctx.error(el, "'" + m + "' in attribute 'methods' is not an HTTP method; expected "
                            + "GET, POST, PUT, DELETE, HEAD, OPTIONS or PATCH");
                }
                methods.add(upper);
            }
        }
        String template = ctx.attribute(el, "uri-template");
        String mapping = ctx.attribute(el, "url-mapping");
        if (template != null && mapping != null) {
            throw ctx.error(el, "a resource has either 'uri-template' or 'url-mapping', not both");
        }
        UriTemplate uriTemplate = null;
        UrlMapping urlMapping = null;
        try {
            if (template != null) {
                uriTemplate = UriTemplate.parse(template);
            }
            if (mapping != null) {
                urlMapping = UrlMapping.parse(mapping);
            }
        } catch (IllegalArgumentException e) {
            throw ctx.error(el, e.getMessage());
        }
        Pattern userAgent = null;
        String ua = ctx.attribute(el, "user-agent");
        if (ua != null) {
            try {
                userAgent = Pattern.compile(ua);
            } catch (PatternSyntaxException e) {
                throw ctx.error(el, "attribute 'user-agent' is not a regular expression: " + e.getDescription());
            }
        }
        String protocol = ctx.attribute(el, "protocol");
        if (protocol != null && !protocol.equals("http") && !protocol.equals("https")) {
            throw ctx.error(el, "attribute 'protocol' must be http or https, not '" + protocol + "'");
        }
        for (OMElement c : ReadContext.children(el)) {
            if (!ReadContext.isSynapse(c) || !CHILDREN.contains(c.getLocalName())) {
                throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in <resource>; expected <inSequence>,"
                        + " <outSequence>, <faultSequence> or <prototype>");
            }
        }
        PrototypeImplementation prototype = prototype(el, ctx);
        Mediator in = InlineSequences.read(el, "inSequence", "inSequence", ctx);
        Mediator out = InlineSequences.read(el, "outSequence", "outSequence", ctx);
        Mediator fault = InlineSequences.read(el, "faultSequence", "faultSequence", ctx);
        if (prototype != null && (in != null || out != null)) {
            throw ctx.error(el, "a resource with a <prototype> implementation answers by itself; remove its "
                    + (in != null ? "in" : "out") + " sequence");
        }
        return new Resource(apiName, methods, uriTemplate, urlMapping, ctx.attribute(el, "content-type"), userAgent,
                protocol, in, out, fault, prototype, ctx.location(el));
    }

    /** Reads {@code <prototype language="js">}, which takes the attributes and content of {@code <script>}. */
    private static PrototypeImplementation prototype(OMElement resource, ReadContext ctx) {
        List<OMElement> found = ReadContext.childrenNamed(resource, "prototype");
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            throw ctx.error(found.get(1), "a resource has at most one <prototype>");
        }
        OMElement p = found.get(0);
        ScriptMediator script = SCRIPT_XML.read(p, ctx);
        return PrototypeImplementation.of(script, ctx.location(p));
    }

    /** Writes a resource back. */
    public static OMElement write(Resource r, WriteContext ctx) {
        OMElement el = ctx.element("resource");
        if (!r.methods().isEmpty()) {
            ctx.attribute(el, "methods", String.join(" ", r.methods()));
        }
        ctx.attribute(el, "uri-template", r.uriTemplate());
        ctx.attribute(el, "url-mapping", r.urlMapping());
        ctx.attribute(el, "content-type", r.contentType());
        ctx.attribute(el, "user-agent", r.userAgent() == null ? null : r.userAgent().pattern());
        ctx.attribute(el, "protocol", r.protocol());
        PrototypeImplementation prototype = r.prototype();
        if (prototype != null && !prototype.isNotImplemented()) {
            OMElement p = SCRIPT_XML.write(prototype.script(), ctx);
            p.setLocalName("prototype");
            el.addChild(p);
        }
        if (prototype == null) {
            InlineSequences.write(el, "inSequence", "inSequence", r.inSequence(), ctx);
        }
        InlineSequences.write(el, "outSequence", "outSequence", r.outSequence(), ctx);
        InlineSequences.write(el, "faultSequence", "faultSequence", r.faultSequence(), ctx);
        return el;
    }
}
