package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes {@code <sequence key="..."/>} used as a mediator inside a sequence. Top-level
 * named sequences are read by the repository loader. Thread-safe: stateless.
 */
public final class SequenceMediatorXml implements MediatorXml<SequenceMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("sequence");
    }

    @Override
    public Class<SequenceMediator> type() {
        return SequenceMediator.class;
    }

    @Override
    public SequenceMediator read(OMElement el, ReadContext ctx) {
        String key = ctx.attribute(el, "key");
        if (key == null || key.isBlank()) {
            throw ctx.error(el, "an inline <sequence> needs key=\"name\" (or key=\"{xpath}\");"
                    + " named sequences are defined at the top level");
        }
        if (ReadContext.children(el).stream().anyMatch(c -> !c.getLocalName().equals("description"))) {
            throw ctx.error(el, "<sequence key=\"" + key + "\"> refers to a sequence and cannot hold mediators");
        }
        Value value = Value.read(el, key, ctx);
        if (value.isDynamic()) {
            return new SequenceMediator(value, null, ctx.location(el));
        }
        return new SequenceMediator(value, ctx.sequenceReference(key.trim(), el), ctx.location(el));
    }

    @Override
    public OMElement write(SequenceMediator m, WriteContext ctx) {
        OMElement el = ctx.element("sequence");
        CoreXml.value(ctx, el, "key", m.key());
        return el;
    }
}
