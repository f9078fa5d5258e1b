package io.ganglion.engine.endpoint;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.Objects;
import org.apache.axiom.om.OMElement;

/**
 * A {@code <property name value|expression [scope]/>} child of {@code <endpoint>}, set on the
 * message each time it is sent through the endpoint. Thread-safe: immutable.
 *
 * @param name the property name
 * @param value the static value, or null when {@code expression} is given
 * @param expression evaluated per message (string value), or null
 * @param scope where the property is set; null means the default scope (and is not written back)
 */
public record EndpointProperty(String name, String value, SynapseXPath expression, Scope scope) {

    public EndpointProperty {
        Objects.requireNonNull(name, "name");
        if ((value == null) == (expression == null)) {
            throw new IllegalArgumentException("exactly one of value and expression is needed");
        }
    }

    /** Reads one {@code <property>} element. */
    public static EndpointProperty read(OMElement el, ReadContext ctx) {
        String name = ctx.requiredAttribute(el, "name");
        String value = ctx.attribute(el, "value");
        String expression = ctx.attribute(el, "expression");
        if ((value == null) == (expression == null)) {
            throw ctx.error(el, "endpoint <property> '" + name + "' needs either 'value' or 'expression'");
        }
        String scopeText = ctx.attribute(el, "scope");
        Scope scope = null;
        if (scopeText != null) {
            scope = Scope.fromXml(scopeText);
            if (scope != Scope.DEFAULT && scope != Scope.TRANSPORT && scope != Scope.AXIS2
                    && scope != Scope.AXIS2_CLIENT) {
                throw ctx.error(el, "attribute 'scope' of endpoint <property> must be default, transport, axis2 or "
                        + "axis2-client, not '" + scopeText + "'");
            }
        }
        return new EndpointProperty(name, value, expression == null ? null : ctx.xpath(el, expression), scope);
    }

    /** Writes the property as a {@code <property>} child of {@code parent}. */
    public void write(OMElement parent, WriteContext ctx) {
        OMElement el = ctx.element("property", parent);
        ctx.attribute(el, "name", name);
        ctx.attribute(el, "value", value);
        ctx.xpathAttribute(el, "expression", expression);
        ctx.attribute(el, "scope", scope == null ? null : scope.xmlName());
    }

    /** Sets the property on the message. */
    public void apply(MessageContext ctx) {
        String v = expression == null ? value : expression.stringValueOf(ctx);
        ctx.setProperty(scope == null ? Scope.DEFAULT : scope, name, v);
    }

    /** True when the expression reads the body. */
    public boolean readsBody() {
        return expression != null && expression.readsBody();
    }
}
