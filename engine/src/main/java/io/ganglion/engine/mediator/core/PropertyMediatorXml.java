package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <property>} used as a mediator. Thread-safe: stateless. */
public final class PropertyMediatorXml implements MediatorXml<PropertyMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("property");
    }

    @Override
    public Class<PropertyMediator> type() {
        return PropertyMediator.class;
    }

    @Override
    public PropertyMediator read(OMElement el, ReadContext ctx) {
        String name = ctx.requiredAttribute(el, "name");
        String what = "<property name=\"" + name + "\">";
        PropertyMediator.Action action = CoreXml.choice(ctx, el, "action", PropertyMediator.Action.values(),
                PropertyMediator.Action::xmlName, PropertyMediator.Action.SET);
        Scope scope = scope(el, ctx, what);
        if (action == PropertyMediator.Action.REMOVE) {
            return PropertyMediator.remove(name, scope);
        }
        PropertyType type = CoreXml.choice(ctx, el, "type", PropertyType.values(), PropertyType::xmlName,
                PropertyType.STRING);
        String value = ctx.attribute(el, "value");
        String expression = ctx.attribute(el, "expression");
        OMElement inline = ReadContext.firstChildElement(el);
        int given = (value != null ? 1 : 0) + (expression != null ? 1 : 0) + (inline != null ? 1 : 0);
        if (given == 0) {
            throw ctx.error(el, what + " needs 'value', 'expression' or an inline XML child");
        }
        if (given > 1) {
            throw ctx.error(el, what + " takes only one of 'value', 'expression' and an inline XML child");
        }
        if (inline != null) {
            if (ctx.attribute(el, "type") != null && type != PropertyType.OM) {
                throw ctx.error(el, what + " with an inline XML child must have type OM, not " + type.xmlName());
            }
            return PropertyMediator.setInline(name, scope, inline);
        }
        Pattern pattern = ctx.attribute(el, "pattern") == null ? null : CoreXml.regex(ctx, el, "pattern");
        long group = ctx.longAttribute(el, "group", 0);
        if (group < 0 || group > Integer.MAX_VALUE) {
            throw ctx.error(el, what + ": 'group' must be a regex group number (0 or more), not " + group);
        }
        try {
            if (expression != null) {
                SynapseXPath xpath = ctx.xpath(el, expression);
                return PropertyMediator.setExpression(name, scope, type, xpath, pattern, (int) group);
            }
            return PropertyMediator.setValue(name, scope, type, value, pattern, (int) group);
        } catch (IllegalArgumentException e) {
            throw ctx.error(el, what + ": " + e.getMessage());
        }
    }

    private static Scope scope(OMElement el, ReadContext ctx, String what) {
        String raw = ctx.attribute(el, "scope");
        Scope scope = Scope.fromXml(raw);
        if (scope == null) {
            throw ctx.error(el, what + " has unknown scope '" + raw
                    + "'; use default, synapse, transport, axis2 or axis2-client");
        }
        if (scope != Scope.DEFAULT && scope != Scope.TRANSPORT && scope != Scope.AXIS2 && scope != Scope.AXIS2_CLIENT) {
            throw ctx.error(el, what + ": scope '" + raw + "' is read-only; use default, synapse, transport, axis2"
                    + " or axis2-client");
        }
        return scope;
    }

    @Override
    public OMElement write(PropertyMediator m, WriteContext ctx) {
        OMElement el = ctx.element("property");
        ctx.attribute(el, "name", m.name());
        if (m.action() == PropertyMediator.Action.REMOVE) {
            ctx.attribute(el, "action", m.action().xmlName());
        }
        if (m.scope() != Scope.DEFAULT) {
            ctx.attribute(el, "scope", m.scope().xmlName());
        }
        OMElement inline = m.inline();
        if (m.action() == PropertyMediator.Action.REMOVE) {
            return el;
        }
        if (inline != null) {
            el.addChild(inline);
            return el;
        }
        if (m.type() != PropertyType.STRING) {
            ctx.attribute(el, "type", m.type().xmlName());
        }
        ctx.attribute(el, "value", m.value());
        ctx.xpathAttribute(el, "expression", m.expression());
        if (m.pattern() != null) {
            ctx.attribute(el, "pattern", m.pattern().pattern());
            if (m.group() != 0) {
                ctx.attribute(el, "group", m.group());
            }
        }
        return el;
    }
}
