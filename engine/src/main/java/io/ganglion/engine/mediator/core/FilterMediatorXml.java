package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.SequenceReference;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <filter>}. Thread-safe: stateless. */
public final class FilterMediatorXml implements MediatorXml<FilterMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("filter");
    }

    @Override
    public Class<FilterMediator> type() {
        return FilterMediator.class;
    }

    @Override
    public FilterMediator read(OMElement el, ReadContext ctx) {
        String xpathText = ctx.attribute(el, "xpath");
        String sourceText = ctx.attribute(el, "source");
        SynapseXPath xpath = null;
        SynapseXPath source = null;
        Pattern regex = null;
        if (xpathText != null) {
            if (sourceText != null || ctx.attribute(el, "regex") != null) {
                throw ctx.error(el, "<filter> takes either 'xpath', or 'source' and 'regex', not both");
            }
            xpath = ctx.xpath(el, xpathText);
        } else if (sourceText != null) {
            source = ctx.xpath(el, sourceText);
            regex = CoreXml.regex(ctx, el, "regex");
        } else {
            throw ctx.error(el, "<filter> needs 'xpath', or 'source' and 'regex'");
        }
        OMElement then = ReadContext.child(el, "then");
        OMElement otherwise = ReadContext.child(el, "else");
        if (then == null && otherwise == null) {
            return new FilterMediator(source, regex, xpath, new ListMediator(ctx.mediators(el)), null, false);
        }
        if (then == null) {
            throw ctx.error(otherwise, "<else> needs a <then> before it");
        }
        CoreXml.onlyChildren(ctx, el, "then", "else");
        if (ReadContext.childrenNamed(el, "then").size() > 1 || ReadContext.childrenNamed(el, "else").size() > 1) {
            throw ctx.error(el, "<filter> takes at most one <then> and one <else>");
        }
        return new FilterMediator(source, regex, xpath, branch(then, ctx),
                otherwise == null ? null : branch(otherwise, ctx), true);
    }

    /** A {@code <then>}/{@code <else>}: a sequence key or inline mediators. */
    static Mediator branch(OMElement el, ReadContext ctx) {
        String key = ctx.attribute(el, "sequence");
        if (key == null) {
            return new ListMediator(ctx.mediators(el));
        }
        if (ReadContext.children(el).stream().anyMatch(c -> !c.getLocalName().equals("description"))) {
            throw ctx.error(el, "<" + el.getLocalName() + " sequence=\"" + key + "\"> cannot also hold mediators");
        }
        return ctx.sequenceReference(key, el);
    }

    @Override
    public OMElement write(FilterMediator m, WriteContext ctx) {
        OMElement el = ctx.element("filter");
        if (m.xpath() != null) {
            ctx.xpathAttribute(el, "xpath", m.xpath());
        } else {
            ctx.xpathAttribute(el, "source", m.source());
            ctx.attribute(el, "regex", m.regex().pattern());
        }
        if (!m.isThenElse()) {
            writeChildren(el, m.thenBranch(), ctx);
            return el;
        }
        writeBranch(ctx.element("then", el), m.thenBranch(), ctx);
        if (m.elseBranch() != null) {
            writeBranch(ctx.element("else", el), m.elseBranch(), ctx);
        }
        return el;
    }

    private static void writeBranch(OMElement el, Mediator branch, WriteContext ctx) {
        if (branch instanceof SequenceReference ref) {
            ctx.attribute(el, "sequence", ref.key());
        } else {
            writeChildren(el, branch, ctx);
        }
    }

    private static void writeChildren(OMElement el, Mediator branch, WriteContext ctx) {
        if (branch instanceof ListMediator list) {
            ctx.mediators(el, list.children());
        } else {
            el.addChild(ctx.mediator(branch));
        }
    }
}
