package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <payloadFactory>}. Thread-safe: stateless. */
public final class PayloadFactoryMediatorXml implements MediatorXml<PayloadFactoryMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("payloadFactory");
    }

    @Override
    public Class<PayloadFactoryMediator> type() {
        return PayloadFactoryMediator.class;
    }

    @Override
    public PayloadFactoryMediator read(OMElement el, ReadContext ctx) {
        String mediaAttr = ctx.attribute(el, "media-type");
        PayloadFactoryMediator.MediaType media = PayloadFactoryMediator.MediaType.XML;
        if (mediaAttr != null) {
            media = PayloadFactoryMediator.MediaType.fromXml(mediaAttr);
            if (media == null) {
                throw ctx.error(el, "<payloadFactory> attribute 'media-type' must be xml, json or text, not '"
                        + mediaAttr + "'");
            }
        }
        String templateType = ctx.attribute(el, "template-type");
        if (templateType != null && !templateType.trim().equalsIgnoreCase("default")) {
            throw ctx.error(el, "<payloadFactory> template-type '" + templateType
                    + "' is not supported; only 'default' templates are");
        }
        PayloadFactoryMediator.Format format = readFormat(el, media, ctx);
        List<PayloadFactoryMediator.Arg> args = new ArrayList<>();
        OMElement argsEl = ReadContext.child(el, "args");
        if (argsEl != null) {
            for (OMElement a : ReadContext.childrenNamed(argsEl, "arg")) {
                args.add(readArg(a, ctx));
            }
        }
        return new PayloadFactoryMediator(mediaAttr, templateType, format, args);
    }

    private static PayloadFactoryMediator.Format readFormat(OMElement el, PayloadFactoryMediator.MediaType media,
            ReadContext ctx) {
        OMElement fmt = ReadContext.child(el, "format");
        if (fmt == null) {
            throw ctx.error(el, "<payloadFactory> needs a <format> element");
        }
        String key = ctx.attribute(fmt, "key");
        if (key != null) {
            if (key.isBlank()) {
                throw ctx.error(fmt, "<format> attribute 'key' must not be empty");
            }
            ctx.reference(ReadContext.ReferenceKind.LOCAL_ENTRY, key, fmt);
            return new PayloadFactoryMediator.Format(null, null, key);
        }
        OMElement first = fmt.getFirstElement();
        if (media == PayloadFactoryMediator.MediaType.XML) {
            if (first == null) {
                throw ctx.error(fmt, "<format> for media-type xml needs one XML element (or a 'key')");
            }
            if (ReadContext.children(fmt).size() > 1) {
                throw ctx.error(fmt, "<format> for media-type xml must hold exactly one element");
            }
            return new PayloadFactoryMediator.Format(first.cloneOMElement(), null, null);
        }
        if (first != null) {
            throw ctx.error(first, "<format> for media-type " + media.xmlName() + " holds text, not XML elements");
        }
        return new PayloadFactoryMediator.Format(null, fmt.getText(), null);
    }

    private static PayloadFactoryMediator.Arg readArg(OMElement a, ReadContext ctx) {
        String value = ctx.attribute(a, "value");
        String expr = ctx.attribute(a, "expression");
        String evaluator = ctx.attribute(a, "evaluator");
        boolean literal = ctx.booleanAttribute(a, "literal", false);
        if ((value == null) == (expr == null)) {
            throw ctx.error(a, "<arg> needs exactly one of the attributes 'value' and 'expression'");
        }
        if (evaluator != null && !evaluator.equalsIgnoreCase("xml") && !evaluator.equalsIgnoreCase("json")) {
            throw ctx.error(a, "<arg> attribute 'evaluator' must be xml or json, not '" + evaluator + "'");
        }
        if (value != null) {
            return new PayloadFactoryMediator.Arg(value, null, null, evaluator, literal);
        }
        if (expr.isBlank()) {
            throw ctx.error(a, "<arg> attribute 'expression' must not be empty");
        }
        boolean json = "json".equalsIgnoreCase(evaluator);
        String compiled = json && !expr.trim().startsWith("json-eval(") ? "json-eval(" + expr.trim() + ")" : expr;
        SynapseXPath xp = ctx.xpath(a, compiled);
        return new PayloadFactoryMediator.Arg(null, xp, expr, evaluator, literal);
    }

    @Override
    public OMElement write(PayloadFactoryMediator m, WriteContext ctx) {
        OMElement el = ctx.element("payloadFactory");
        ctx.attribute(el, "media-type", m.mediaTypeAttribute());
        ctx.attribute(el, "template-type", m.templateType());
        OMElement fmt = ctx.element("format", el);
        PayloadFactoryMediator.Format f = m.format();
        if (f.key() != null) {
            ctx.attribute(fmt, "key", f.key());
        } else if (f.xml() != null) {
            fmt.addChild(f.xml().cloneOMElement());
        } else if (f.text() != null) {
            fmt.setText(f.text());
        }
        if (!m.args().isEmpty()) {
            OMElement argsEl = ctx.element("args", el);
            for (PayloadFactoryMediator.Arg a : m.args()) {
                OMElement arg = ctx.element("arg", argsEl);
                if (a.expression() == null) {
                    ctx.attribute(arg, "value", a.value());
                } else if (a.json()) {
                    ctx.attribute(arg, "expression", a.source());
                } else {
                    ctx.xpathAttribute(arg, "expression", a.expression());
                }
                ctx.attribute(arg, "evaluator", a.evaluator());
                if (a.literal()) {
                    ctx.attribute(arg, "literal", "true");
                }
            }
        }
        return el;
    }
}
