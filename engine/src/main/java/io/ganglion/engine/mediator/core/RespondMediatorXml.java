package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <respond/>}. Thread-safe: stateless. */
public final class RespondMediatorXml implements MediatorXml<RespondMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("respond");
    }

    @Override
    public Class<RespondMediator> type() {
        return RespondMediator.class;
    }

    @Override
    public RespondMediator read(OMElement el, ReadContext ctx) {
        CoreXml.onlyChildren(ctx, el);
        return new RespondMediator();
    }

    @Override
    public OMElement write(RespondMediator m, WriteContext ctx) {
        return ctx.element("respond");
    }
}
