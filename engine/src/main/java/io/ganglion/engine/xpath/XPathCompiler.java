package io.ganglion.engine.xpath;

import java.util.Map;

/**
 * Compiles Synapse expressions: {@code json-eval(<JSONPath>)} to a JSONPath, anything else to
 * XPath 1.0 with Synapse's functions and variables. Thread-safe: stateless.
 */
final class XPathCompiler {

    private static final String JSON_EVAL = "json-eval(";

    private XPathCompiler() {}

    static SynapseXPath compile(String expression, Map<String, String> namespaces) {
        if (expression == null || expression.isBlank()) {
            throw new XPathSyntaxException("empty expression", null);
        }
        Map<String, String> ns = Map.copyOf(namespaces);
        String t = expression.trim();
        if (t.startsWith(JSON_EVAL) && t.endsWith(")")) {
            return JsonEvalXPath.compile(expression, t.substring(JSON_EVAL.length(), t.length() - 1).trim(), ns);
        }
        return JaxenXPath.compile(expression, ns);
    }
}
