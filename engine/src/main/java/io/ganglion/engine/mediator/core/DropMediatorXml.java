package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <drop/>}. Thread-safe: stateless. */
public final class DropMediatorXml implements MediatorXml<DropMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("drop");
    }

    @Override
    public Class<DropMediator> type() {
        return DropMediator.class;
    }

    @Override
    public DropMediator read(OMElement el, ReadContext ctx) {
        CoreXml.onlyChildren(ctx, el);
        return new DropMediator();
    }

    @Override
    public OMElement write(DropMediator m, WriteContext ctx) {
        return ctx.element("drop");
    }
}
