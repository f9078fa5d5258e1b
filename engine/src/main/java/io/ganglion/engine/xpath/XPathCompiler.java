package io.ganglion.engine.xpath;

import io.ganglion.engine.message.MessageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.axiom.om.xpath.AXIOMXPath;
import org.jaxen.JaxenException;

/**
 * Compiles expressions. PLACEHOLDER: plain Jaxen over the envelope, to be replaced by the full
 * Synapse dialect (functions, variables, json-eval).
 */
final class XPathCompiler {

    private XPathCompiler() {}

    static SynapseXPath compile(String expression, Map<String, String> namespaces) {
        try {
            AXIOMXPath xp = new AXIOMXPath(expression);
            for (var e : namespaces.entrySet()) {
                xp.addNamespace(e.getKey(), e.getValue());
            }
            return new Simple(expression, Map.copyOf(namespaces), xp);
        } catch (JaxenException e) {
            throw new XPathSyntaxException("invalid XPath '" + expression + "': " + e.getMessage(), e);
        }
    }

    private record Simple(String expression, Map<String, String> namespaces, AXIOMXPath xp) implements SynapseXPath {
        @Override
        public boolean readsBody() {
            return true;
        }

        @Override
        public String stringValueOf(MessageContext ctx) {
            try {
                return xp.stringValueOf(ctx.payload().envelope());
            } catch (JaxenException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean booleanValueOf(MessageContext ctx) {
            try {
                return xp.booleanValueOf(ctx.payload().envelope());
            } catch (JaxenException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<Object> selectNodes(MessageContext ctx) {
            try {
                return new ArrayList<>(xp.selectNodes(ctx.payload().envelope()));
            } catch (JaxenException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Object evaluate(MessageContext ctx) {
            return evaluate(ctx, ctx.payload().envelope());
        }

        @Override
        public Object evaluate(MessageContext ctx, Object node) {
            try {
                return xp.evaluate(node);
            } catch (JaxenException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
