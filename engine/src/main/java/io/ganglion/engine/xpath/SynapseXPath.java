package io.ganglion.engine.xpath;

import io.ganglion.engine.message.MessageContext;
import java.util.List;
import java.util.Map;

/**
 * An expression in Synapse's XPath dialect (XPath 1.0 with {@code get-property()}, {@code $ctx:},
 * {@code $trp:}, {@code $body}... or a {@code json-eval($.path)} JSONPath), compiled once at load
 * and evaluated against a message. Thread-safe: immutable.
 */
public interface SynapseXPath {

    /**
     * Compiles an expression.
     *
     * @param expression the expression text
     * @param namespaces prefix to namespace URI bindings in scope where the expression was written
     * @throws XPathSyntaxException when the expression is not valid
     */
    static SynapseXPath compile(String expression, Map<String, String> namespaces) {
        return XPathCompiler.compile(expression, namespaces);
    }

    /** The source text. */
    String expression();

    /** The namespace bindings it was compiled with (for writing it back). */
    Map<String, String> namespaces();

    /** True when evaluating it reads the message body (decided at compile time). */
    boolean readsBody();

    /** The string value (XPath {@code string()} of the result; JSON text for json-eval objects). */
    String stringValueOf(MessageContext ctx);

    /** The boolean value (XPath {@code boolean()} of the result). */
    boolean booleanValueOf(MessageContext ctx);

    /** The selected nodes (Axiom nodes) or, for a scalar result, a one-element list holding it. */
    List<Object> selectNodes(MessageContext ctx);

    /** The raw result: a node list, String, Double or Boolean. */
    Object evaluate(MessageContext ctx);

    /** Evaluates relative to a given node (an Axiom node) instead of the envelope. */
    Object evaluate(MessageContext ctx, Object contextNode);
}
