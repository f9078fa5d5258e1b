package io.ganglion.engine.mediator.core;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <send>}. Thread-safe: stateless. */
public final class SendMediatorXml implements MediatorXml<SendMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("send");
    }

    @Override
    public Class<SendMediator> type() {
        return SendMediator.class;
    }

    @Override
    public SendMediator read(OMElement el, ReadContext ctx) {
        String receive = ctx.attribute(el, "receive");
        if (receive != null) {
            receive = receive.trim();
            if (receive.isEmpty()) {
                throw ctx.error(el, "attribute 'receive' of <send> must name a sequence");
            }
            ctx.reference(ReadContext.ReferenceKind.SEQUENCE, receive, el);
        }
        Boolean build = ctx.attribute(el, "buildmessage") == null ? null
                : ctx.booleanAttribute(el, "buildmessage", false);
        return new SendMediator(endpoint(el, ctx), receive, build);
    }

    /** The optional single {@code <endpoint>} child of send or call. */
    static Endpoint endpoint(OMElement el, ReadContext ctx) {
        CoreXml.onlyChildren(ctx, el, "endpoint");
        var endpoints = ReadContext.childrenNamed(el, "endpoint");
        if (endpoints.size() > 1) {
            throw ctx.error(endpoints.get(1), "<" + el.getLocalName() + "> takes at most one <endpoint>");
        }
        return endpoints.isEmpty() ? null : ctx.endpoint(endpoints.get(0));
    }

    @Override
    public OMElement write(SendMediator m, WriteContext ctx) {
        OMElement el = ctx.element("send");
        ctx.attribute(el, "receive", m.receive());
        ctx.attribute(el, "buildmessage", m.buildMessage());
        if (m.endpoint() != null) {
            el.addChild(ctx.endpoint(m.endpoint()));
        }
        return el;
    }
}
