package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.mediator.transform.XsltMediator.Param;
import io.ganglion.engine.mediator.transform.XsltMediator.Resource;
import io.ganglion.engine.mediator.transform.XsltMediator.Setting;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.transform.TransformerConfigurationException;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <xslt>}. Thread-safe: stateless. */
public final class XsltMediatorXml implements MediatorXml<XsltMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("xslt");
    }

    @Override
    public Class<XsltMediator> type() {
        return XsltMediator.class;
    }

    @Override
    public XsltMediator read(OMElement el, ReadContext ctx) {
        Value key = Value.read(el, ctx.requiredAttribute(el, "key"), ctx);
        if (!key.isDynamic()) {
            ctx.reference(ReadContext.ReferenceKind.ENTRY, key.staticText(), el);
        }
        String src = ctx.attribute(el, "source");
        SynapseXPath source = src == null ? null : ctx.xpath(el, src);
        String target = ctx.attribute(el, "target");
        if (target != null && target.isBlank()) {
            throw ctx.error(el, "<xslt> attribute 'target' must name a property");
        }
        List<Param> params = new ArrayList<>();
        for (OMElement p : ReadContext.childrenNamed(el, "property")) {
            String name = ctx.requiredAttribute(p, "name");
            String value = ctx.attribute(p, "value");
            String expr = ctx.attribute(p, "expression");
            if ((value == null) == (expr == null)) {
                throw ctx.error(p, "<property> needs exactly one of the attributes 'value' and 'expression'");
            }
            params.add(new Param(name, value, expr == null ? null : ctx.xpath(p, expr)));
        }
        List<Setting> features = new ArrayList<>();
        for (OMElement f : ReadContext.childrenNamed(el, "feature")) {
            String value = ctx.requiredAttribute(f, "value");
            if (!value.equals("true") && !value.equals("false")) {
                throw ctx.error(f, "<feature> attribute 'value' must be true or false, not '" + value + "'");
            }
            Setting s = new Setting(ctx.requiredAttribute(f, "name"), value);
            check(List.of(s), List.of(), f, ctx);
            features.add(s);
        }
        List<Setting> attributes = new ArrayList<>();
        for (OMElement a : ReadContext.childrenNamed(el, "attribute")) {
            Setting s = new Setting(ctx.requiredAttribute(a, "name"), ctx.requiredAttribute(a, "value"));
            check(List.of(), List.of(s), a, ctx);
            attributes.add(s);
        }
        List<Resource> resources = new ArrayList<>();
        for (OMElement r : ReadContext.childrenNamed(el, "resource")) {
            String rkey = ctx.requiredAttribute(r, "key");
            ctx.reference(ReadContext.ReferenceKind.ENTRY, rkey, r);
            resources.add(new Resource(ctx.requiredAttribute(r, "location"), rkey));
        }
        return new XsltMediator(key, source, target, params, features, attributes, resources);
    }

    /** Fails at load, not on the first message, when the XSLT engine rejects a feature or attribute. */
    private static void check(List<Setting> features, List<Setting> attributes, OMElement at, ReadContext ctx) {
        try {
            XsltMediator.newFactory(features, attributes);
        } catch (TransformerConfigurationException | IllegalArgumentException e) {
            throw ctx.error(at, "<" + at.getLocalName() + "> is not supported by the XSLT engine: " + e.getMessage());
        }
    }

    @Override
    public OMElement write(XsltMediator m, WriteContext ctx) {
        OMElement el = ctx.element("xslt");
        if (m.key().isDynamic()) {
            // Declare the expression's namespaces, then write the braces form.
            ctx.xpathAttribute(el, "key", m.key().expression());
            el.removeAttribute(el.getAttribute(new QName("key")));
        }
        ctx.attribute(el, "key", m.key().toString());
        ctx.xpathAttribute(el, "source", m.source());
        ctx.attribute(el, "target", m.target());
        for (Param p : m.params()) {
            OMElement pe = ctx.element("property", el);
            ctx.attribute(pe, "name", p.name());
            if (p.expression() != null) {
                ctx.xpathAttribute(pe, "expression", p.expression());
            } else {
                ctx.attribute(pe, "value", p.value());
            }
        }
        for (Setting f : m.features()) {
            OMElement fe = ctx.element("feature", el);
            ctx.attribute(fe, "name", f.name());
            ctx.attribute(fe, "value", f.value());
        }
        for (Setting a : m.attributes()) {
            OMElement ae = ctx.element("attribute", el);
            ctx.attribute(ae, "name", a.name());
            ctx.attribute(ae, "value", a.value());
        }
        for (Resource r : m.resources()) {
            OMElement re = ctx.element("resource", el);
            ctx.attribute(re, "location", r.location());
            ctx.attribute(re, "key", r.key());
        }
        return el;
    }
}
