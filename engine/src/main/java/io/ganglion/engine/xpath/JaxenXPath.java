package io.ganglion.engine.xpath;

import io.ganglion.engine.message.MessageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jaxen.JaxenException;
import org.jaxen.UnresolvableException;
import org.jaxen.expr.FunctionCallExpr;
import org.jaxen.expr.VariableReferenceExpr;

/** An XPath 1.0 expression in Synapse's dialect. Thread-safe: immutable. */
final class JaxenXPath implements SynapseXPath {

    private static final Set<String> VARIABLE_PREFIXES = Set.of("ctx", "axis2", "trp", "url", "func");

    private final String expression;
    private final Map<String, String> namespaces;
    private final DialectXPath xpath;

    private JaxenXPath(String expression, Map<String, String> namespaces, DialectXPath xpath) {
        this.expression = expression;
        this.namespaces = namespaces;
        this.xpath = xpath;
    }

    static JaxenXPath compile(String expression, Map<String, String> namespaces) {
        DialectXPath xp;
        try {
            xp = new DialectXPath(expression, namespaces);
        } catch (JaxenException e) {
            throw new XPathSyntaxException("invalid XPath '" + expression + "': " + e.getMessage(), e);
        }
        for (FunctionCallExpr f : xp.analysis().calls()) {
            checkFunction(expression, f);
        }
        for (VariableReferenceExpr v : xp.analysis().variables()) {
            checkVariable(expression, v);
        }
        return new JaxenXPath(expression, namespaces, xp);
    }

    private static void checkFunction(String expression, FunctionCallExpr f) {
        String prefix = f.getPrefix();
        String name = f.getFunctionName();
        if (prefix != null && !prefix.isEmpty()) {
            throw new XPathSyntaxException("invalid XPath '" + expression + "': unknown function "
                    + prefix + ":" + name + "()", null);
        }
        SynapseFunctions.Arity arity = SynapseFunctions.arityOf(name);
        int n = f.getParameters().size();
        if (arity != null) {
            if (n < arity.min() || n > arity.max()) {
                throw new XPathSyntaxException("invalid XPath '" + expression + "': " + name + "() takes "
                        + arity.min() + " to " + arity.max() + " arguments, not " + n, null);
            }
            return;
        }
        try {
            SynapseFunctions.INSTANCE.getFunction(null, null, name);
        } catch (UnresolvableException e) {
            throw new XPathSyntaxException("invalid XPath '" + expression + "': unknown function " + name + "()", e);
        }
    }

    private static void checkVariable(String expression, VariableReferenceExpr v) {
        String prefix = v.getPrefix() == null ? "" : v.getPrefix();
        String name = v.getVariableName();
        boolean known = prefix.isEmpty() ? name.equals("body") || name.equals("header")
                : VARIABLE_PREFIXES.contains(prefix);
        if (!known) {
            throw new XPathSyntaxException("invalid XPath '" + expression + "': unknown variable $"
                    + (prefix.isEmpty() ? "" : prefix + ":") + name
                    + " (use $ctx:, $axis2:, $trp:, $url:, $func:, $body or $header)", null);
        }
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public Map<String, String> namespaces() {
        return namespaces;
    }

    @Override
    public boolean readsBody() {
        return xpath.analysis().readsBody();
    }

    @Override
    public String stringValueOf(MessageContext ctx) {
        try {
            return xpath.stringValueOf(ctx);
        } catch (JaxenException e) {
            throw failed(e);
        }
    }

    @Override
    public boolean booleanValueOf(MessageContext ctx) {
        try {
            return xpath.booleanValueOf(ctx);
        } catch (JaxenException e) {
            throw failed(e);
        }
    }

    @Override
    public List<Object> selectNodes(MessageContext ctx) {
        try {
            List<?> nodes = xpath.selectNodes(ctx);
            return new ArrayList<Object>(nodes);
        } catch (JaxenException e) {
            throw failed(e);
        }
    }

    @Override
    public Object evaluate(MessageContext ctx) {
        try {
            return xpath.evaluate(ctx);
        } catch (JaxenException e) {
            throw failed(e);
        }
    }

    @Override
    public Object evaluate(MessageContext ctx, Object contextNode) {
        try {
            return xpath.evaluate(new DialectXPath.Target(ctx, contextNode));
        } catch (JaxenException e) {
            throw failed(e);
        }
    }

    private XPathEvaluationException failed(JaxenException e) {
        return new XPathEvaluationException("could not evaluate '" + expression + "': " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return expression;
    }
}
