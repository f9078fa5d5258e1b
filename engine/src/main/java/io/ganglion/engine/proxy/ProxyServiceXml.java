package io.ganglion.engine.proxy;

import io.ganglion.engine.config.InlineSequences;
import io.ganglion.engine.config.RepositoryFiles;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.LocatedXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes a proxy service:
 * <pre>{@code
 * <proxy name="n" [transports="http https"] [startOnLoad="true|false"] [trace] [statistics] [pinnedServers]>
 *   <target [inSequence="key"] [outSequence="key"] [faultSequence="key"] [endpoint="key"]>
 *     <inSequence/>? <outSequence/>? <faultSequence/>? <endpoint/>?
 *   </target>
 *   <publishWSDL uri="file:..." | key="localEntry"> | <publishWSDL><wsdl:definitions/></publishWSDL>
 *   <parameter name="p">..</parameter>* <policy key="k"/>* <enableAddressing/>? <enableSec/>? <description/>?
 * </proxy>
 * }</pre>
 * A WSDL given by {@code uri} is read at load; one given by {@code key} is resolved by the loader once
 * every local entry is known. Thread-safe: immutable.
 */
public final class ProxyServiceXml {

    private static final Set<String> SUPPORTED_TRANSPORTS = Set.of("http", "https");
    private static final List<String> KEPT_ATTRIBUTES = List.of("transports", "startOnLoad", "trace", "statistics",
            "pinnedServers", "serviceGroup");
    private static final Set<String> EXTRAS = Set.of("parameter", "policy", "enableAddressing", "enableSec",
            "enableRM", "description");
    private static final Set<String> TARGET_CHILDREN = Set.of("inSequence", "outSequence", "faultSequence",
            "endpoint");

    private final RepositoryFiles files;

    /** @param files resolves {@code publishWSDL uri} paths; null rejects them */
    public ProxyServiceXml(RepositoryFiles files) {
        this.files = files;
    }

    /** Reads a {@code <proxy>}. */
    public ProxyService read(OMElement el, ReadContext ctx) {
        String name = ctx.requiredAttribute(el, "name");
        Set<String> transports = transports(el, name, ctx);
        boolean startOnLoad = ctx.booleanAttribute(el, "startOnLoad", true);
        for (String flag : List.of("trace", "statistics")) {
            String v = ctx.attribute(el, flag);
            if (v != null && !v.equals("enable") && !v.equals("disable")) {
                throw ctx.error(el, "attribute '" + flag + "' must be enable or disable, not '" + v + "'");
            }
        }
        List<ProxyService.Attribute> attributes = new ArrayList<>();
        for (String a : KEPT_ATTRIBUTES) {
            String v = ctx.attribute(el, a);
            if (v != null) {
                attributes.add(new ProxyService.Attribute(a, v));
            }
        }
        OMElement target = null;
        OMElement publish = null;
        List<OMElement> extras = new ArrayList<>();
        for (OMElement c : ReadContext.children(el)) {
            String local = ReadContext.isSynapse(c) ? c.getLocalName() : "";
            if (local.equals("target")) {
                if (target != null) {
                    throw ctx.error(c, "proxy '" + name + "' has more than one <target>");
                }
                target = c;
            } else if (local.equals("publishWSDL")) {
                if (publish != null) {
                    throw ctx.error(c, "proxy '" + name + "' has more than one <publishWSDL>");
                }
                publish = c;
            } else if (EXTRAS.contains(local)) {
                extras.add(c.cloneOMElement());
            } else {
                throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in proxy '" + name + "'");
            }
        }
        if (target == null) {
            throw ctx.error(el, "proxy '" + name + "' needs a <target>");
        }
        for (OMElement c : ReadContext.children(target)) {
            if (!ReadContext.isSynapse(c) || !TARGET_CHILDREN.contains(c.getLocalName())) {
                throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in <target>; expected <inSequence>,"
                        + " <outSequence>, <faultSequence> or <endpoint>");
            }
        }
        Mediator in = InlineSequences.read(target, "inSequence", "inSequence", ctx);
        Mediator out = InlineSequences.read(target, "outSequence", "outSequence", ctx);
        Mediator fault = InlineSequences.read(target, "faultSequence", "faultSequence", ctx);
        Endpoint endpoint = endpoint(target, ctx);
        if (in == null && endpoint == null) {
            throw ctx.error(target, "the <target> of proxy '" + name + "' needs an inSequence or an endpoint");
        }
        ProxyService.PublishWsdl wsdl = publish == null ? null : publishWsdl(publish, name, ctx);
        return new ProxyService(name, transports, in, out, fault, endpoint, wsdl, startOnLoad, attributes, extras,
                ctx.location(el));
    }

    private static Set<String> transports(OMElement el, String name, ReadContext ctx) {
        String raw = ctx.attribute(el, "transports");
        Set<String> transports = new LinkedHashSet<>();
        if (raw == null || raw.isBlank() || raw.trim().equals("all")) {
            transports.addAll(List.of("http", "https"));
            return transports;
        }
        for (String t : raw.trim().split("[\\s,]+")) {
            transports.add(t.toLowerCase(Locale.ROOT));
        }
        if (transports.stream().noneMatch(SUPPORTED_TRANSPORTS::contains)) {
            throw ctx.error(el, "proxy '" + name + "' is exposed on none of the supported transports (http, https): '"
                    + raw + "'");
        }
        return transports;
    }

    private static Endpoint endpoint(OMElement target, ReadContext ctx) {
        String key = ctx.attribute(target, "endpoint");
        OMElement inline = ReadContext.child(target, "endpoint");
        if (key != null && inline != null) {
            throw ctx.error(inline, "<endpoint> is given both inline and as attribute 'endpoint'");
        }
        if (key != null) {
            if (key.isBlank()) {
                throw ctx.error(target, "attribute 'endpoint' of <target> is empty");
            }
            ctx.reference(ReadContext.ReferenceKind.ENDPOINT, key, target);
            return new KeyedEndpoint(key, false);
        }
        return inline == null ? null : ctx.endpoint(inline);
    }

    private ProxyService.PublishWsdl publishWsdl(OMElement el, String name, ReadContext ctx) {
        String uri = ctx.attribute(el, "uri");
        String key = ctx.attribute(el, "key");
        OMElement inline = null;
        for (OMElement c : ReadContext.children(el)) {
            // <resource location key> maps WSDL imports; imports are not served, so they are skipped.
            if (!(ReadContext.isSynapse(c) && c.getLocalName().equals("resource"))) {
                if (inline != null) {
                    throw ctx.error(c, "<publishWSDL> holds more than one document");
                }
                inline = c;
            }
        }
        int sources = (uri != null ? 1 : 0) + (key != null ? 1 : 0) + (inline != null ? 1 : 0);
        if (sources != 1) {
            throw ctx.error(el, "<publishWSDL> of proxy '" + name + "' needs exactly one of 'uri', 'key' or an inline"
                    + " WSDL document");
        }
        if (key != null) {
            ctx.reference(ReadContext.ReferenceKind.LOCAL_ENTRY, key, el);
            return new ProxyService.PublishWsdl(null, key, null, null);
        }
        if (inline != null) {
            OMElement copy = inline.cloneOMElement();
            return new ProxyService.PublishWsdl(null, null, copy, copy.toString());
        }
        if (files == null) {
            throw ctx.error(el, "proxy '" + name + "': <publishWSDL uri> is not available here");
        }
        byte[] bytes;
        String file;
        try {
            file = files.resolve(uri).toString();
            bytes = files.read(uri);
        } catch (IllegalArgumentException e) {
            throw ctx.error(el, "proxy '" + name + "' cannot publish its WSDL: " + e.getMessage());
        }
        // Parsed once so that a broken WSDL is reported at load, located in its own file.
        LocatedXml.parse(file, new ByteArrayInputStream(bytes));
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new ProxyService.PublishWsdl(uri, null, null, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Writes a proxy service back. */
    public static OMElement write(ProxyService p, WriteContext ctx) {
        OMElement el = ctx.element("proxy");
        ctx.attribute(el, "name", p.name());
        for (ProxyService.Attribute a : p.attributes()) {
            ctx.attribute(el, a.name(), a.value());
        }
        for (OMElement extra : p.extras()) {
            if (extra.getLocalName().equals("description")) {
                el.addChild(extra.cloneOMElement());
            }
        }
        OMElement target = ctx.element("target", el);
        InlineSequences.write(target, "inSequence", "inSequence", p.inSequence(), ctx);
        InlineSequences.write(target, "outSequence", "outSequence", p.outSequence(), ctx);
        InlineSequences.write(target, "faultSequence", "faultSequence", p.faultSequence(), ctx);
        if (p.endpoint() instanceof KeyedEndpoint k) {
            ctx.attribute(target, "endpoint", k.key());
        } else if (p.endpoint() != null) {
            target.addChild(ctx.endpoint(p.endpoint()));
        }
        ProxyService.PublishWsdl wsdl = p.publishWsdl();
        if (wsdl != null) {
            OMElement pw = ctx.element("publishWSDL", el);
            ctx.attribute(pw, "uri", wsdl.uri());
            ctx.attribute(pw, "key", wsdl.key());
            if (wsdl.inline() != null) {
                pw.addChild(wsdl.inline().cloneOMElement());
            }
        }
        for (OMElement extra : p.extras()) {
            if (!extra.getLocalName().equals("description")) {
                el.addChild(extra.cloneOMElement());
            }
        }
        return el;
    }
}
