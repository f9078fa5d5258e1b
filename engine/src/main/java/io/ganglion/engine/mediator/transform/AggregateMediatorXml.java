package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.SequenceReference;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.mediator.transform.AggregateMediator.Completion;
import io.ganglion.engine.mediator.transform.AggregateMediator.OnComplete;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.time.Duration;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <aggregate>}. Thread-safe: stateless. */
public final class AggregateMediatorXml implements MediatorXml<AggregateMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("aggregate");
    }

    @Override
    public Class<AggregateMediator> type() {
        return AggregateMediator.class;
    }

    @Override
    public AggregateMediator read(OMElement el, ReadContext ctx) {
        SynapseXPath correlateOn = null;
        OMElement corr = ReadContext.child(el, "correlateOn");
        if (corr != null) {
            correlateOn = ctx.xpath(corr, ctx.requiredAttribute(corr, "expression"));
        }
        Completion completion = new Completion(null, null, null);
        OMElement cc = ReadContext.child(el, "completeCondition");
        if (cc != null) {
            Duration timeout = ctx.attribute(cc, "timeout") == null ? null
                    : Duration.ofSeconds(ctx.longAttribute(cc, "timeout", 0));
            OMElement count = ReadContext.child(cc, "messageCount");
            completion = new Completion(timeout, count == null ? null : count(count, "min", ctx),
                    count == null ? null : count(count, "max", ctx));
        }
        OMElement oc = ReadContext.child(el, "onComplete");
        if (oc == null) {
            throw ctx.error(el, "<aggregate> needs an <onComplete> element");
        }
        SynapseXPath expression = ctx.xpath(oc, ctx.requiredAttribute(oc, "expression"));
        String seqKey = ctx.attribute(oc, "sequence");
        Mediator sequence;
        if (seqKey != null) {
            if (!ReadContext.children(oc).isEmpty()) {
                throw ctx.error(oc, "<onComplete> has both a 'sequence' attribute and inline mediators");
            }
            sequence = ctx.sequenceReference(seqKey, oc);
        } else {
            sequence = ctx.sequenceOf(oc);
        }
        return new AggregateMediator(ctx.attribute(el, "id"), correlateOn, completion,
                new OnComplete(expression, sequence, ctx.attribute(oc, "enclosingElementProperty")));
    }

    private static Integer count(OMElement el, String attr, ReadContext ctx) {
        String v = ctx.attribute(el, attr);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw ctx.error(el, "<messageCount> attribute '" + attr + "' must be a whole number, not '" + v + "'");
        }
    }

    @Override
    public OMElement write(AggregateMediator m, WriteContext ctx) {
        OMElement el = ctx.element("aggregate");
        ctx.attribute(el, "id", m.id());
        if (m.correlateOn() != null) {
            ctx.xpathAttribute(ctx.element("correlateOn", el), "expression", m.correlateOn());
        }
        Completion c = m.completion();
        if (c.timeout() != null || c.min() != null || c.max() != null) {
            OMElement cc = ctx.element("completeCondition", el);
            if (c.timeout() != null) {
                ctx.attribute(cc, "timeout", c.timeout().toSeconds());
            }
            if (c.min() != null || c.max() != null) {
                OMElement count = ctx.element("messageCount", cc);
                ctx.attribute(count, "min", c.min());
                ctx.attribute(count, "max", c.max());
            }
        }
        OnComplete oc = m.onComplete();
        OMElement oce = ctx.element("onComplete", el);
        ctx.xpathAttribute(oce, "expression", oc.expression());
        if (oc.sequence() instanceof SequenceReference ref) {
            ctx.attribute(oce, "sequence", ref.key());
        } else if (oc.sequence() instanceof ListMediator list) {
            ctx.mediators(oce, list.children());
        }
        ctx.attribute(oce, "enclosingElementProperty", oc.enclosingElementProperty());
        return el;
    }
}
