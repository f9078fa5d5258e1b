package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <out>}. Thread-safe: stateless. */
public final class OutMediatorXml implements MediatorXml<OutMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("out");
    }

    @Override
    public Class<OutMediator> type() {
        return OutMediator.class;
    }

    @Override
    public OutMediator read(OMElement el, ReadContext ctx) {
        return new OutMediator(ctx.mediators(el));
    }

    @Override
    public OMElement write(OutMediator m, WriteContext ctx) {
        OMElement el = ctx.element("out");
        ctx.mediators(el, m.children());
        return el;
    }
}
