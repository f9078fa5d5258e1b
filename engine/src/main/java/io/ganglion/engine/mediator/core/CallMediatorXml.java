package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <call>}. Thread-safe: stateless. */
public final class CallMediatorXml implements MediatorXml<CallMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("call");
    }

    @Override
    public Class<CallMediator> type() {
        return CallMediator.class;
    }

    @Override
    public CallMediator read(OMElement el, ReadContext ctx) {
        for (String unsupported : new String[] {"source", "target"}) {
            OMElement c = ReadContext.child(el, unsupported);
            if (c != null) {
                throw ctx.error(c, "<call> <" + unsupported + "> is not supported; use <enrich> before and"
                        + " after the call to move the payload");
            }
        }
        Boolean blocking = ctx.attribute(el, "blocking") == null ? null
                : ctx.booleanAttribute(el, "blocking", false);
        return new CallMediator(SendMediatorXml.endpoint(el, ctx), blocking);
    }

    @Override
    public OMElement write(CallMediator m, WriteContext ctx) {
        OMElement el = ctx.element("call");
        ctx.attribute(el, "blocking", m.blocking());
        if (m.endpoint() != null) {
            el.addChild(ctx.endpoint(m.endpoint()));
        }
        return el;
    }
}
