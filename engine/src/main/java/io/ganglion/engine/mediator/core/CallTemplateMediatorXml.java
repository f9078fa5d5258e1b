package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <call-template>}. Thread-safe: stateless. */
public final class CallTemplateMediatorXml implements MediatorXml<CallTemplateMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("call-template");
    }

    @Override
    public Class<CallTemplateMediator> type() {
        return CallTemplateMediator.class;
    }

    @Override
    public CallTemplateMediator read(OMElement el, ReadContext ctx) {
        String target = ctx.requiredAttribute(el, "target").trim();
        ctx.reference(ReadContext.ReferenceKind.TEMPLATE, target, el);
        CoreXml.onlyChildren(ctx, el, "with-param");
        Map<String, Value> params = new LinkedHashMap<>();
        for (OMElement p : ReadContext.childrenNamed(el, "with-param")) {
            String name = ctx.requiredAttribute(p, "name");
            String raw = ctx.attribute(p, "value");
            if (raw == null) {
                throw ctx.error(p, "<with-param name=\"" + name + "\"> needs 'value' (text or {xpath})");
            }
            String t = raw.trim();
            if (t.startsWith("{{") && t.endsWith("}}")) {
                throw ctx.error(p, "<with-param name=\"" + name + "\">: double-brace values (evaluated inside"
                        + " the template) are not supported; use {xpath}");
            }
            if (params.put(name, Value.read(p, raw, ctx)) != null) {
                throw ctx.error(p, "<with-param name=\"" + name + "\"> is given twice");
            }
        }
        return new CallTemplateMediator(target, params, ctx.location(el));
    }

    @Override
    public OMElement write(CallTemplateMediator m, WriteContext ctx) {
        OMElement el = ctx.element("call-template");
        ctx.attribute(el, "target", m.target());
        for (var e : m.params().entrySet()) {
            OMElement p = ctx.element("with-param", el);
            ctx.attribute(p, "name", e.getKey());
            CoreXml.value(ctx, p, "value", e.getValue());
        }
        return el;
    }
}
