package io.ganglion.engine.xpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jaxen.expr.BinaryExpr;
import org.jaxen.expr.Expr;
import org.jaxen.expr.FilterExpr;
import org.jaxen.expr.FunctionCallExpr;
import org.jaxen.expr.LiteralExpr;
import org.jaxen.expr.LocationPath;
import org.jaxen.expr.NumberExpr;
import org.jaxen.expr.PathExpr;
import org.jaxen.expr.Predicate;
import org.jaxen.expr.Predicated;
import org.jaxen.expr.Step;
import org.jaxen.expr.UnaryExpr;
import org.jaxen.expr.VariableReferenceExpr;

/**
 * What a compiled expression needs, found once by walking Jaxen's expression tree: whether it
 * reads the message body (a location path evaluated from the envelope, {@code $body},
 * {@code $header}, a context-node function such as {@code string()} without arguments, or
 * {@code get-property('FAULT')}), and which functions it calls. Thread-safe: immutable.
 */
final class ExpressionAnalysis {

    /** Functions that read the context node when called without arguments. */
    private static final Set<String> CONTEXT_FUNCTIONS = Set.of("string", "number", "string-length",
            "normalize-space", "name", "local-name", "namespace-uri");
    /** Functions that read the context node's document whatever their arguments. */
    private static final Set<String> DOCUMENT_FUNCTIONS = Set.of("id", "lang", "evaluate");

    private final List<FunctionCallExpr> calls = new ArrayList<>();
    private final List<VariableReferenceExpr> variables = new ArrayList<>();
    private boolean readsBody;

    private ExpressionAnalysis() {}

    static ExpressionAnalysis of(Expr root) {
        ExpressionAnalysis a = new ExpressionAnalysis();
        a.walk(root, true);
        return a;
    }

    boolean readsBody() {
        return readsBody;
    }

    List<FunctionCallExpr> calls() {
        return calls;
    }

    List<VariableReferenceExpr> variables() {
        return variables;
    }

    /**
     * @param fromEnvelope whether a relative path here starts at the envelope (the context node of
     *        the whole expression) rather than at a node selected by an enclosing path or filter
     */
    private void walk(Expr e, boolean fromEnvelope) {
        if (e == null || e instanceof LiteralExpr || e instanceof NumberExpr) {
            return;
        }
        if (e instanceof LocationPath lp) {
            if (lp.isAbsolute() || fromEnvelope) {
                readsBody = true;
            }
            for (Object step : lp.getSteps()) {
                predicates((Step) step);
            }
        } else if (e instanceof PathExpr pe) {
            Expr filter = pe.getFilterExpr();
            walk(filter, fromEnvelope);
            walk(pe.getLocationPath(), filter == null && fromEnvelope);
        } else if (e instanceof FilterExpr fe) {
            walk(fe.getExpr(), fromEnvelope);
            predicates(fe);
        } else if (e instanceof BinaryExpr be) {
            walk(be.getLHS(), fromEnvelope);
            walk(be.getRHS(), fromEnvelope);
        } else if (e instanceof UnaryExpr ue) {
            walk(ue.getExpr(), fromEnvelope);
        } else if (e instanceof VariableReferenceExpr v) {
            variables.add(v);
            String prefix = v.getPrefix();
            if ((prefix == null || prefix.isEmpty())
                    && (v.getVariableName().equals("body") || v.getVariableName().equals("header"))) {
                readsBody = true;
            }
        } else if (e instanceof FunctionCallExpr f) {
            calls.add(f);
            List<?> params = f.getParameters();
            String prefix = f.getPrefix();
            boolean unprefixed = prefix == null || prefix.isEmpty();
            if (unprefixed && fromEnvelope && (DOCUMENT_FUNCTIONS.contains(f.getFunctionName())
                    || params.isEmpty() && CONTEXT_FUNCTIONS.contains(f.getFunctionName()))) {
                readsBody = true;
            }
            if (unprefixed && f.getFunctionName().equals("get-property") && isFault(params)) {
                readsBody = true;
            }
            for (Object p : params) {
                walk((Expr) p, fromEnvelope);
            }
        } else {
            // an expression type this walk does not know: assume the worst
            readsBody = true;
        }
    }

    /** Predicates are evaluated against the nodes their step selected, not the envelope. */
    private void predicates(Predicated p) {
        for (Object pred : p.getPredicates()) {
            walk(((Predicate) pred).getExpr(), false);
        }
    }

    private static boolean isFault(List<?> params) {
        Object last = params.isEmpty() ? null : params.get(params.size() == 1 ? 0 : 1);
        return last instanceof LiteralExpr l && l.getLiteral().equals("FAULT");
    }
}
