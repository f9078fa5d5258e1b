package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.axiom.om.OMElement;

/**
 * Sets or removes a property in one of Synapse's scopes.
 *
 * <pre>{@code
 * <property name="n" [action="set|remove"]
 *     (value="v" | expression="xpath")
 *     [type="STRING|BOOLEAN|DOUBLE|FLOAT|INTEGER|LONG|SHORT|OM|JSON"]
 *     [scope="default|synapse|transport|axis2|axis2-client"]
 *     [pattern="regex" [group="n"]]>
 *   [inline XML element: the value, of type OM]
 * </property>
 * }</pre>
 *
 * <p>The {@code transport} scope sets (or removes) an HTTP header; {@code axis2} holds engine knobs
 * such as {@code HTTP_SC}, {@code messageType} and {@code ContentType}, which the engine reads when it
 * answers or sends. Removing {@code TRANSPORT_HEADERS} in the {@code axis2} scope clears every
 * transport header (a WSO2 idiom). When {@code pattern} is given, the string value is replaced by the
 * regex group {@code group} (default 0) of a full match, or by "" when it does not match; this happens
 * before the type conversion. Static values are converted once at load. Thread-safe: immutable (XML and
 * JSON values are copied for each message).
 */
public final class PropertyMediator implements Mediator {

    /** What the mediator does with the property. */
    public enum Action {
        SET, REMOVE;

        public String xmlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String name;
    private final Action action;
    private final Scope scope;
    private final PropertyType type;
    private final String value;
    private final Object staticValue;
    private final SynapseXPath expression;
    private final OMElement inline;
    private final Pattern pattern;
    private final int group;

    private PropertyMediator(String name, Action action, Scope scope, PropertyType type, String value,
            SynapseXPath expression, OMElement inline, Pattern pattern, int group) {
        this.name = Objects.requireNonNull(name, "name");
        this.action = action;
        this.scope = Objects.requireNonNull(scope, "scope");
        if (!List.of(Scope.DEFAULT, Scope.AXIS2, Scope.AXIS2_CLIENT, Scope.TRANSPORT).contains(scope)) {
            throw new IllegalArgumentException("scope '" + scope.xmlName() + "' is read-only");
        }
        this.type = type;
        this.value = value;
        this.expression = expression;
        this.inline = inline == null ? null : inline.cloneOMElement();
        this.pattern = pattern;
        this.group = group;
        this.staticValue = value == null ? null : type.convert(pattern == null ? value : match(value));
    }

    /** A mediator that sets a static value, converted to {@code type} now. */
    public static PropertyMediator setValue(String name, Scope scope, PropertyType type, String value,
            Pattern pattern, int group) {
        return new PropertyMediator(name, Action.SET, scope, type, Objects.requireNonNull(value, "value"), null,
                null, pattern, group);
    }

    /** A mediator that sets the value of an expression, converted to {@code type} per message. */
    public static PropertyMediator setExpression(String name, Scope scope, PropertyType type,
            SynapseXPath expression, Pattern pattern, int group) {
        return new PropertyMediator(name, Action.SET, scope, type, null,
                Objects.requireNonNull(expression, "expression"), null, pattern, group);
    }

    /** A mediator that sets a copy of an XML element (type OM). */
    public static PropertyMediator setInline(String name, Scope scope, OMElement inline) {
        return new PropertyMediator(name, Action.SET, scope, PropertyType.OM, null, null,
                Objects.requireNonNull(inline, "inline"), null, 0);
    }

    /** A mediator that removes the property. */
    public static PropertyMediator remove(String name, Scope scope) {
        return new PropertyMediator(name, Action.REMOVE, scope, PropertyType.STRING, null, null, null, null, 0);
    }

    public String name() {
        return name;
    }

    public Action action() {
        return action;
    }

    public Scope scope() {
        return scope;
    }

    public PropertyType type() {
        return type;
    }

    /** The static value as written, or null. */
    public String value() {
        return value;
    }

    /** The expression, or null. */
    public SynapseXPath expression() {
        return expression;
    }

    /** A copy of the inline XML value, or null. */
    public OMElement inline() {
        return inline == null ? null : inline.cloneOMElement();
    }

    /** The regex applied to the string value, or null. */
    public Pattern pattern() {
        return pattern;
    }

    public int group() {
        return group;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        if (action == Action.REMOVE) {
            remove(ctx);
        } else {
            ctx.setProperty(scope, name, resolve(ctx));
        }
        return true;
    }

    @Override
    public boolean readsBody() {
        return expression != null && expression.readsBody();
    }

    private void remove(MessageContext ctx) {
        if (scope != Scope.TRANSPORT && scope != Scope.DEFAULT && StandardProperties.TRANSPORT_HEADERS.equals(name)) {
            ctx.setHeaders(new Headers());
        }
        ctx.setProperty(scope, name, null);
    }

    private Object resolve(MessageContext ctx) {
        if (inline != null) {
            return inline.cloneOMElement();
        }
        if (expression == null) {
            return PropertyType.copyOf(staticValue);
        }
        if (type == PropertyType.OM && pattern == null
                && expression.evaluate(ctx) instanceof List<?> nodes
                && !nodes.isEmpty() && nodes.get(0) instanceof OMElement e) {
            // WSO2: an expression selecting an element stores (a copy of) the element itself.
            return e.cloneOMElement();
        }
        String text = expression.stringValueOf(ctx);
        if (pattern != null) {
            text = match(text);
        }
        try {
            return type.convert(text);
        } catch (IllegalArgumentException e) {
            throw new MediationException("property '" + name + "' (type " + type.xmlName() + "): " + e.getMessage(), e);
        }
    }

    private String match(String text) {
        Matcher m = pattern.matcher(text);
        return m.matches() && group <= m.groupCount() ? Objects.toString(m.group(group), "") : "";
    }
}
