package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.axiom.om.OMElement;

/** Reading and writing helpers shared by the core mediators' XML types. Thread-safe: stateless. */
final class CoreXml {

    private CoreXml() {}

    /**
     * An attribute naming one constant of a closed vocabulary (compared case-insensitively), or
     * {@code defaultValue} when absent; any other value is a located error listing the choices.
     */
    static <E extends Enum<E>> E choice(ReadContext ctx, OMElement el, String attr, E[] values,
            Function<E, String> xmlName, E defaultValue) {
        String raw = ctx.attribute(el, attr);
        if (raw == null) {
            return defaultValue;
        }
        String v = raw.trim().toLowerCase(Locale.ROOT);
        StringJoiner choices = new StringJoiner(", ");
        for (E e : values) {
            String name = xmlName.apply(e);
            if (name.toLowerCase(Locale.ROOT).equals(v)) {
                return e;
            }
            choices.add(name);
        }
        throw ctx.error(el, "attribute '" + attr + "' of <" + el.getLocalName() + "> must be one of "
                + choices + ", not '" + raw + "'");
    }

    /** A required XPath attribute, compiled with the namespaces in scope. */
    static SynapseXPath requiredXPath(ReadContext ctx, OMElement el, String attr) {
        return ctx.xpath(el, ctx.requiredAttribute(el, attr));
    }

    /** An optional XPath attribute, or null when absent. */
    static SynapseXPath optionalXPath(ReadContext ctx, OMElement el, String attr) {
        String raw = ctx.attribute(el, attr);
        return raw == null ? null : ctx.xpath(el, raw);
    }

    /** A regular expression attribute, compiled once; a bad pattern is a located error. */
    static Pattern regex(ReadContext ctx, OMElement el, String attr) {
        String raw = ctx.requiredAttribute(el, attr);
        try {
            return Pattern.compile(raw);
        } catch (PatternSyntaxException e) {
            throw ctx.error(el, "attribute '" + attr + "' is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    /**
     * A value given as {@code value="text"} (always literal) or {@code expression="xpath"} on
     * {@code el}; null when neither is present, a located error when both are.
     */
    static Value valueOrExpression(ReadContext ctx, OMElement el) {
        String value = ctx.attribute(el, "value");
        String expression = ctx.attribute(el, "expression");
        if (value != null && expression != null) {
            throw ctx.error(el, "<" + el.getLocalName() + "> has both 'value' and 'expression'; give one");
        }
        if (expression != null) {
            // Value compiles the text between braces; wrapping keeps one value type for both spellings.
            return Value.read(el, "{" + expression + "}", ctx);
        }
        return value == null ? null : Value.of(value);
    }

    /** Writes a value as {@code value="text"} or {@code expression="xpath"}. */
    static void valueOrExpression(WriteContext ctx, OMElement el, Value value) {
        if (value == null) {
            return;
        }
        if (value.isDynamic()) {
            ctx.xpathAttribute(el, "expression", value.expression());
        } else {
            ctx.attribute(el, "value", value.staticText());
        }
    }

    /** Writes a static-or-{xpath} value, declaring the expression's namespace prefixes. */
    static void value(WriteContext ctx, OMElement el, String attr, Value value) {
        if (value == null) {
            return;
        }
        if (value.isDynamic()) {
            declare(el, value.expression());
        }
        el.addAttribute(attr, value.toString(), null);
    }

    /** Declares the namespace prefixes an expression was compiled with, where not already in scope. */
    static void declare(OMElement el, SynapseXPath xpath) {
        for (var e : xpath.namespaces().entrySet()) {
            if (el.findNamespaceURI(e.getKey()) == null) {
                el.declareNamespace(e.getValue(), e.getKey());
            }
        }
    }

    /** Fails on any Synapse child element other than those named (description is always allowed). */
    static void onlyChildren(ReadContext ctx, OMElement el, String... allowed) {
        outer:
        for (OMElement c : ReadContext.children(el)) {
            if (ReadContext.isSynapse(c)) {
                if (c.getLocalName().equals("description")) {
                    continue;
                }
                for (String a : allowed) {
                    if (c.getLocalName().equals(a)) {
                        continue outer;
                    }
                }
            }
            throw ctx.error(c, "<" + el.getLocalName() + "> does not accept a <" + c.getLocalName() + "> child"
                    + (allowed.length == 0 ? "" : "; allowed: " + String.join(", ", allowed)));
        }
    }
}
