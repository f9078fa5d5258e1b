package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <in>}. Thread-safe: stateless. */
public final class InMediatorXml implements MediatorXml<InMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("in");
    }

    @Override
    public Class<InMediator> type() {
        return InMediator.class;
    }

    @Override
    public InMediator read(OMElement el, ReadContext ctx) {
        return new InMediator(ctx.mediators(el));
    }

    @Override
    public OMElement write(InMediator m, WriteContext ctx) {
        OMElement el = ctx.element("in");
        ctx.mediators(el, m.children());
        return el;
    }
}
