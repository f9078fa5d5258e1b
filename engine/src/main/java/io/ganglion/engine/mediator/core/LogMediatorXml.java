package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <log>}. Thread-safe: stateless. */
public final class LogMediatorXml implements MediatorXml<LogMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("log");
    }

    @Override
    public Class<LogMediator> type() {
        return LogMediator.class;
    }

    @Override
    public LogMediator read(OMElement el, ReadContext ctx) {
        LogMediator.Level level = CoreXml.choice(ctx, el, "level", LogMediator.Level.values(),
                LogMediator.Level::xmlName, LogMediator.Level.SIMPLE);
        LogMediator.Category category = CoreXml.choice(ctx, el, "category", LogMediator.Category.values(),
                LogMediator.Category::xmlName, LogMediator.Category.INFO);
        String separator = ctx.attribute(el, "separator");
        CoreXml.onlyChildren(ctx, el, "property");
        List<LogProperty> properties = new ArrayList<>();
        for (OMElement p : ReadContext.childrenNamed(el, "property")) {
            properties.add(property(p, ctx));
        }
        return new LogMediator(level, separator == null ? LogMediator.DEFAULT_SEPARATOR : separator, category,
                properties);
    }

    /** Reads a {@code <property name (value|expression)/>} of a log mediator. */
    static LogProperty property(OMElement p, ReadContext ctx) {
        String name = ctx.requiredAttribute(p, "name");
        String value = ctx.attribute(p, "value");
        String expression = ctx.attribute(p, "expression");
        if (value != null && expression != null) {
            throw ctx.error(p, "<property name=\"" + name + "\"> has both 'value' and 'expression'; give one");
        }
        if (value == null && expression == null) {
            throw ctx.error(p, "<property name=\"" + name + "\"> needs 'value' or 'expression'");
        }
        return new LogProperty(name, value, expression == null ? null : ctx.xpath(p, expression));
    }

    @Override
    public OMElement write(LogMediator m, WriteContext ctx) {
        OMElement el = ctx.element("log");
        if (m.level() != LogMediator.Level.SIMPLE) {
            ctx.attribute(el, "level", m.level().xmlName());
        }
        if (!m.separator().equals(LogMediator.DEFAULT_SEPARATOR)) {
            ctx.attribute(el, "separator", m.separator());
        }
        if (m.category() != LogMediator.Category.INFO) {
            ctx.attribute(el, "category", m.category().xmlName());
        }
        for (LogProperty p : m.properties()) {
            OMElement pe = ctx.element("property", el);
            ctx.attribute(pe, "name", p.name());
            ctx.attribute(pe, "value", p.value());
            SynapseXPath x = p.expression();
            ctx.xpathAttribute(pe, "expression", x);
        }
        return el;
    }
}
