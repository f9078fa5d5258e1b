package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <switch>}. Thread-safe: stateless. */
public final class SwitchMediatorXml implements MediatorXml<SwitchMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("switch");
    }

    @Override
    public Class<SwitchMediator> type() {
        return SwitchMediator.class;
    }

    @Override
    public SwitchMediator read(OMElement el, ReadContext ctx) {
        var source = CoreXml.requiredXPath(ctx, el, "source");
        CoreXml.onlyChildren(ctx, el, "case", "default");
        List<SwitchMediator.Case> cases = new ArrayList<>();
        for (OMElement c : ReadContext.childrenNamed(el, "case")) {
            cases.add(new SwitchMediator.Case(CoreXml.regex(ctx, c, "regex"), new ListMediator(ctx.mediators(c))));
        }
        List<OMElement> defaults = ReadContext.childrenNamed(el, "default");
        if (defaults.size() > 1) {
            throw ctx.error(defaults.get(1), "<switch> takes at most one <default>");
        }
        ListMediator defaultCase = defaults.isEmpty() ? null : new ListMediator(ctx.mediators(defaults.get(0)));
        return new SwitchMediator(source, cases, defaultCase);
    }

    @Override
    public OMElement write(SwitchMediator m, WriteContext ctx) {
        OMElement el = ctx.element("switch");
        ctx.xpathAttribute(el, "source", m.source());
        for (SwitchMediator.Case c : m.cases()) {
            OMElement ce = ctx.element("case", el);
            ctx.attribute(ce, "regex", c.regex().pattern());
            ctx.mediators(ce, c.mediators().children());
        }
        if (m.defaultCase() != null) {
            ctx.mediators(ctx.element("default", el), m.defaultCase().children());
        }
        return el;
    }
}
