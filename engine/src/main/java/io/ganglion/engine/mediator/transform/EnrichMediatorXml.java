package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.mediator.transform.EnrichMediator.Action;
import io.ganglion.engine.mediator.transform.EnrichMediator.Source;
import io.ganglion.engine.mediator.transform.EnrichMediator.SourceType;
import io.ganglion.engine.mediator.transform.EnrichMediator.Target;
import io.ganglion.engine.mediator.transform.EnrichMediator.TargetType;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <enrich>}. Thread-safe: stateless. */
public final class EnrichMediatorXml implements MediatorXml<EnrichMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("enrich");
    }

    @Override
    public Class<EnrichMediator> type() {
        return EnrichMediator.class;
    }

    @Override
    public EnrichMediator read(OMElement el, ReadContext ctx) {
        OMElement s = ReadContext.child(el, "source");
        if (s == null) {
            throw ctx.error(el, "<enrich> needs a <source> element");
        }
        OMElement t = ReadContext.child(el, "target");
        if (t == null) {
            throw ctx.error(el, "<enrich> needs a <target> element");
        }
        return new EnrichMediator(readSource(s, ctx), readTarget(t, ctx));
    }

    private static Source readSource(OMElement s, ReadContext ctx) {
        SourceType type = parse(SourceType.class, s, "type", SourceType.CUSTOM, ctx);
        boolean clone = ctx.booleanAttribute(s, "clone", true);
        switch (type) {
            case CUSTOM:
                return new Source(type, clone, xpath(s, ctx), null, null, null, null);
            case PROPERTY:
                return new Source(type, clone, null, ctx.requiredAttribute(s, "property"), null, null, null);
            case INLINE: {
                String key = ctx.attribute(s, "key");
                OMElement inline = s.getFirstElement();
                String text = s.getText();
                if (key != null) {
                    if (inline != null || !text.isBlank()) {
                        throw ctx.error(s, "<source type=\"inline\"> has both a 'key' and inline content");
                    }
                    ctx.reference(ReadContext.ReferenceKind.LOCAL_ENTRY, key, s);
                    return new Source(type, clone, null, null, null, null, key);
                }
                if (inline == null && text.isEmpty()) {
                    throw ctx.error(s, "<source type=\"inline\"> needs inline XML, text or a 'key'");
                }
                return inline != null
                        ? new Source(type, clone, null, null, inline.cloneOMElement(), null, null)
                        : new Source(type, clone, null, null, null, text, null);
            }
            default:
                return new Source(type, clone, null, null, null, null, null);
        }
    }

    private static Target readTarget(OMElement t, ReadContext ctx) {
        String typeAttr = ctx.attribute(t, "type");
        if ("inline".equalsIgnoreCase(typeAttr) || "key".equalsIgnoreCase(typeAttr)) {
            throw ctx.error(t, "<target> type '" + typeAttr + "' is not supported; use custom, envelope, body or property");
        }
        TargetType type = parse(TargetType.class, t, "type", TargetType.CUSTOM, ctx);
        Action action = parse(Action.class, t, "action", Action.REPLACE, ctx);
        if (type == TargetType.ENVELOPE && action != Action.REPLACE) {
            throw ctx.error(t, "<target type=\"envelope\"> supports only action=\"replace\"");
        }
        return switch (type) {
            case CUSTOM -> new Target(type, action, xpath(t, ctx), null);
            case PROPERTY -> new Target(type, action, null, ctx.requiredAttribute(t, "property"));
            default -> new Target(type, action, null, null);
        };
    }

    private static SynapseXPath xpath(OMElement el, ReadContext ctx) {
        String x = ctx.attribute(el, "xpath");
        if (x == null || x.isBlank()) {
            throw ctx.error(el, "<" + el.getLocalName() + " type=\"custom\"> needs the attribute 'xpath'");
        }
        return ctx.xpath(el, x);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, OMElement el, String attr, E dflt, ReadContext ctx) {
        String v = ctx.attribute(el, attr);
        if (v == null) {
            return dflt;
        }
        for (E e : type.getEnumConstants()) {
            if (EnrichMediator.xmlName(e).equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(EnrichMediator::xmlName)
                .collect(Collectors.joining(", "));
        throw ctx.error(el, "<" + el.getLocalName() + "> attribute '" + attr + "' must be one of " + allowed
                + ", not '" + v + "'");
    }

    @Override
    public OMElement write(EnrichMediator m, WriteContext ctx) {
        OMElement el = ctx.element("enrich");
        Source s = m.source();
        OMElement se = ctx.element("source", el);
        if (!s.copy()) {
            ctx.attribute(se, "clone", "false");
        }
        ctx.attribute(se, "type", EnrichMediator.xmlName(s.type()));
        ctx.xpathAttribute(se, "xpath", s.xpath());
        ctx.attribute(se, "property", s.property());
        ctx.attribute(se, "key", s.key());
        if (s.inlineXml() != null) {
            se.addChild(s.inlineXml().cloneOMElement());
        } else if (s.inlineText() != null) {
            se.setText(s.inlineText());
        }
        Target t = m.target();
        OMElement te = ctx.element("target", el);
        if (t.action() != Action.REPLACE) {
            ctx.attribute(te, "action", EnrichMediator.xmlName(t.action()));
        }
        ctx.attribute(te, "type", EnrichMediator.xmlName(t.type()));
        ctx.xpathAttribute(te, "xpath", t.xpath());
        ctx.attribute(te, "property", t.property());
        return el;
    }
}
