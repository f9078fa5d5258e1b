package io.ganglion.engine.mediator.core;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.Objects;

/**
 * A {@code <property name="n" (value="v" | expression="xpath")/>} line of a log mediator.
 * Thread-safe: immutable.
 *
 * @param name the label printed before the value
 * @param value the static value, or null when {@code expression} is set
 * @param expression the expression evaluated per message, or null when {@code value} is set
 */
public record LogProperty(String name, String value, SynapseXPath expression) {

    public LogProperty {
        Objects.requireNonNull(name, "name");
        if ((value == null) == (expression == null)) {
            throw new IllegalArgumentException("exactly one of value and expression must be given");
        }
    }

    /** The value for a message. */
    public String evaluate(MessageContext ctx) {
        return expression == null ? value : expression.stringValueOf(ctx);
    }

    /** True when evaluating it reads the body. */
    public boolean readsBody() {
        return expression != null && expression.readsBody();
    }
}
