package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <loopback/>}. Thread-safe: stateless. */
public final class LoopbackMediatorXml implements MediatorXml<LoopbackMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("loopback");
    }

    @Override
    public Class<LoopbackMediator> type() {
        return LoopbackMediator.class;
    }

    @Override
    public LoopbackMediator read(OMElement el, ReadContext ctx) {
        CoreXml.onlyChildren(ctx, el);
        return new LoopbackMediator();
    }

    @Override
    public OMElement write(LoopbackMediator m, WriteContext ctx) {
        return ctx.element("loopback");
    }
}
