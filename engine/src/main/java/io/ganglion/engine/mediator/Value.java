package io.ganglion.engine.mediator;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xpath.SynapseXPath;
import org.apache.axiom.om.OMElement;

/**
 * A key or value that is either static text or, written as {@code {xpath}}, an expression
 * evaluated per message (Synapse's dynamic keys, e.g. {@code <sequence key="{//route}"/>}).
 * Thread-safe: immutable.
 */
public final class Value {

    private final String text;
    private final SynapseXPath expression;

    private Value(String text, SynapseXPath expression) {
        this.text = text;
        this.expression = expression;
    }

    /** Reads an attribute value, compiling {@code {...}} as an expression with the element's namespaces. */
    public static Value read(OMElement el, String raw, ReadContext ctx) {
        String t = raw.trim();
        if (t.length() > 2 && t.startsWith("{") && t.endsWith("}")) {
            return new Value(raw, ctx.xpath(el, t.substring(1, t.length() - 1)));
        }
        return new Value(raw, null);
    }

    /** A static value. */
    public static Value of(String text) {
        return new Value(text, null);
    }

    /** True when the value is evaluated per message. */
    public boolean isDynamic() {
        return expression != null;
    }

    /** The static text, or null when dynamic. */
    public String staticText() {
        return expression == null ? text : null;
    }

    /** The expression, or null when static. */
    public SynapseXPath expression() {
        return expression;
    }

    /** The value for a message. */
    public String evaluate(MessageContext ctx) {
        return expression == null ? text : expression.stringValueOf(ctx);
    }

    /** True when evaluating it reads the body. */
    public boolean readsBody() {
        return expression != null && expression.readsBody();
    }

    /** The attribute text to write back ({@code {expr}} for dynamic values). */
    @Override
    public String toString() {
        return expression == null ? text : "{" + expression.expression() + "}";
    }
}
