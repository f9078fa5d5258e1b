package io.ganglion.engine.xpath;

import io.ganglion.engine.message.MessageContext;
import java.util.Collections;
import java.util.Map;
import org.apache.axiom.om.xpath.AXIOMXPath;
import org.jaxen.Context;
import org.jaxen.JaxenException;

/**
 * Jaxen over Axiom with Synapse's dialect (the "Synapse pattern"): evaluating against a message
 * builds a fresh context whose node is the SOAP envelope and whose functions and variables see
 * that message. Never changed after construction, so one instance serves all threads.
 */
final class DialectXPath extends AXIOMXPath {
    private static final long serialVersionUID = 1L;

    /** What to evaluate against: a message and, optionally, the node to start from. */
    record Target(MessageContext message, Object node) {}

    private final transient ExpressionAnalysis analysis;

    DialectXPath(String expression, Map<String, String> namespaces) throws JaxenException {
        super(expression);
        for (Map.Entry<String, String> e : namespaces.entrySet()) {
            addNamespace(e.getKey(), e.getValue());
        }
        this.analysis = ExpressionAnalysis.of(getRootExpr());
    }

    ExpressionAnalysis analysis() {
        return analysis;
    }

    @Override
    protected Context getContext(Object target) {
        MessageContext mc;
        Object node;
        if (target instanceof Target t) {
            mc = t.message();
            node = t.node();
        } else if (target instanceof MessageContext m) {
            mc = m;
            node = null;
        } else {
            return super.getContext(target);
        }
        Context context = new Context(
                new MessageContextSupport(getNamespaceContext(), SynapseFunctions.INSTANCE, getNavigator(), mc));
        if (node == null && analysis.readsBody()) {
            node = mc.payload().envelope();
        }
        // an expression that does not read the body gets no context node, so the body stays unbuilt
        context.setNodeSet(node == null ? Collections.emptyList() : Collections.singletonList(node));
        return context;
    }
}
