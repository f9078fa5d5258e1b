package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <clone>}. Thread-safe: stateless. */
public final class CloneMediatorXml implements MediatorXml<CloneMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("clone");
    }

    @Override
    public Class<CloneMediator> type() {
        return CloneMediator.class;
    }

    @Override
    public CloneMediator read(OMElement el, ReadContext ctx) {
        List<SplitTarget> targets = new ArrayList<>();
        for (OMElement t : ReadContext.childrenNamed(el, "target")) {
            targets.add(SplitTarget.read(t, ctx));
        }
        if (targets.isEmpty()) {
            throw ctx.error(el, "<clone> needs at least one <target>");
        }
        return new CloneMediator(ctx.attribute(el, "id"), ctx.booleanAttribute(el, "sequential", false),
                ctx.booleanAttribute(el, "continueParent", false), targets);
    }

    @Override
    public OMElement write(CloneMediator m, WriteContext ctx) {
        OMElement el = ctx.element("clone");
        ctx.attribute(el, "id", m.id());
        if (m.sequential()) {
            ctx.attribute(el, "sequential", "true");
        }
        if (m.continueParent()) {
            ctx.attribute(el, "continueParent", "true");
        }
        for (SplitTarget t : m.targets()) {
            t.write(el, ctx);
        }
        return el;
    }
}
