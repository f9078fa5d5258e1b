package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <iterate>}. Thread-safe: stateless. */
public final class IterateMediatorXml implements MediatorXml<IterateMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("iterate");
    }

    @Override
    public Class<IterateMediator> type() {
        return IterateMediator.class;
    }

    @Override
    public IterateMediator read(OMElement el, ReadContext ctx) {
        SynapseXPath expression = ctx.xpath(el, ctx.requiredAttribute(el, "expression"));
        boolean preserve = ctx.booleanAttribute(el, "preservePayload", false);
        String attach = ctx.attribute(el, "attachPath");
        if (attach != null && !preserve) {
            throw ctx.error(el, "<iterate> attribute 'attachPath' needs preservePayload=\"true\"");
        }
        List<OMElement> targets = ReadContext.childrenNamed(el, "target");
        if (targets.size() != 1) {
            throw ctx.error(el, "<iterate> needs exactly one <target>, found " + targets.size());
        }
        return new IterateMediator(ctx.attribute(el, "id"), expression, preserve,
                attach == null ? null : ctx.xpath(el, attach), ctx.booleanAttribute(el, "sequential", false),
                ctx.booleanAttribute(el, "continueParent", false), SplitTarget.read(targets.get(0), ctx));
    }

    @Override
    public OMElement write(IterateMediator m, WriteContext ctx) {
        OMElement el = ctx.element("iterate");
        ctx.attribute(el, "id", m.id());
        ctx.xpathAttribute(el, "expression", m.expression());
        if (m.preservePayload()) {
            ctx.attribute(el, "preservePayload", "true");
        }
        ctx.xpathAttribute(el, "attachPath", m.attachPath());
        if (m.sequential()) {
            ctx.attribute(el, "sequential", "true");
        }
        if (m.continueParent()) {
            ctx.attribute(el, "continueParent", "true");
        }
        m.target().write(el, ctx);
        return el;
    }
}
