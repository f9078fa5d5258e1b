package io.ganglion.engine.rest;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes a REST API:
 * {@code <api name="n" context="/ctx" [version="1.0" version-type="url|context"] [hostname] [port]
 * [transport="http|https"] [lifecycle="CREATED|PROTOTYPED|PUBLISHED|BLOCKED|DEPRECATED|RETIRED"]>resource+</api>}.
 * With version-type context the context holds {@code {version}}. The lifecycle (WSO2's) defaults to
 * PUBLISHED; in a PROTOTYPED API a resource with neither sequences nor a prototype answers 501. API
 * {@code <handlers>} are not supported. Thread-safe: stateless.
 */
public final class ApiXml {

    private ApiXml() {}

    /** Reads an {@code <api>}. */
    public static Api read(OMElement el, ReadContext ctx) {
        String name = ctx.requiredAttribute(el, "name");
        String context = ctx.requiredAttribute(el, "context").trim();
        if (!context.startsWith("/")) {
            throw ctx.error(el, "API context '" + context + "' must start with '/'");
        }
        if (context.indexOf('?') >= 0 || context.indexOf('#') >= 0 || context.contains("//")) {
            throw ctx.error(el, "API context '" + context + "' must be a plain path");
        }
        String version = ctx.attribute(el, "version");
        if (version != null && version.isBlank()) {
            version = null;
        }
        String vt = ctx.attribute(el, "version-type");
        VersionType versionType = null;
        if (vt != null) {
            versionType = VersionType.of(vt);
            if (versionType == null) {
                throw ctx.error(el, "attribute 'version-type' must be url or context, not '" + vt + "'");
            }
            if (version == null) {
                throw ctx.error(el, "attribute 'version-type' needs a 'version'");
            }
        }
        boolean placeholder = context.contains("{version}");
        if (versionType == VersionType.CONTEXT && !placeholder) {
            throw ctx.error(el, "with version-type context, the context must contain {version}, e.g. /{version}"
                    + context);
        }
        if (placeholder && versionType != VersionType.CONTEXT) {
            throw ctx.error(el, "context '" + context + "' contains {version}; that needs version-type=\"context\"");
        }
        if (context.replace("{version}", "v").matches(".*[{}*].*")) {
            throw ctx.error(el, "API context '" + context + "' may not hold templates or wildcards");
        }
        int port = port(el, ctx);
        String transport = ctx.attribute(el, "transport");
        if (transport != null && !transport.equals("http") && !transport.equals("https")) {
            throw ctx.error(el, "attribute 'transport' must be http or https, not '" + transport + "'");
        }
        Lifecycle lifecycle = Lifecycle.PUBLISHED;
        String lc = ctx.attribute(el, "lifecycle");
        if (lc != null) {
            lifecycle = Lifecycle.of(lc);
            if (lifecycle == null) {
                throw ctx.error(el, "attribute 'lifecycle' must be CREATED, PROTOTYPED, PUBLISHED, BLOCKED, DEPRECATED"
                        + " or RETIRED, not '" + lc + "'");
            }
        }
        String qualified = version == null ? name : name + ":v" + version;
        List<Resource> resources = new ArrayList<>();
        for (OMElement c : ReadContext.children(el)) {
            String local = ReadContext.isSynapse(c) ? c.getLocalName() : "";
            switch (local) {
                case "resource": {
                    Resource r = ResourceXml.read(c, qualified, ctx);
                    if (lifecycle == Lifecycle.PROTOTYPED && r.inSequence() == null && r.outSequence() == null) {
                        r = r.withPrototype(PrototypeImplementation.notImplemented(ctx.location(c)));
                    }
                    resources.add(r);
                    break;
                }
                case "handlers":
                    throw ctx.error(c, "API handlers are not supported; move their logic into the resources'"
                            + " sequences");
                case "description":
                    break;
                default:
                    throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in <api>; expected <resource>");
            }
        }
        if (resources.isEmpty()) {
            throw ctx.error(el, "API '" + name + "' needs at least one <resource>");
        }
        return new Api(name, context, version, versionType, ctx.attribute(el, "hostname"), port, transport, resources,
                lifecycle, ctx.location(el));
    }

    private static int port(OMElement el, ReadContext ctx) {
        String p = ctx.attribute(el, "port");
        if (p == null || p.isBlank()) {
            return -1;
        }
        try {
            int port = Integer.parseInt(p.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ctx.error(el, "attribute 'port' must be a port number (1-65535), not '" + p + "'");
    }

    /** Writes an API back. */
    public static OMElement write(Api api, WriteContext ctx) {
        OMElement el = ctx.element("api");
        ctx.attribute(el, "name", api.apiName());
        ctx.attribute(el, "context", api.context());
        ctx.attribute(el, "version", api.version());
        ctx.attribute(el, "version-type", api.versionType() == null ? null : api.versionType().xmlName());
        ctx.attribute(el, "hostname", api.hostname());
        ctx.attribute(el, "port", api.port() < 0 ? null : api.port());
        ctx.attribute(el, "transport", api.transport());
        ctx.attribute(el, "lifecycle", api.lifecycle() == Lifecycle.PUBLISHED ? null : api.lifecycle().name());
        for (Resource r : api.resources()) {
            el.addChild(ResourceXml.write(r, ctx));
        }
        return el;
    }
}
