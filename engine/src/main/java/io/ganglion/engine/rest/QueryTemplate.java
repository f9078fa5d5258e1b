package io.ganglion.engine.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query side of a {@link UriTemplate}: parameters a request must carry ({@code ?a={x}&type=json&flag},
 * in any order, others allowed) and parameters bound when present ({@code {?x,y}}, {@code {&z}}).
 * Thread-safe: immutable.
 */
final class QueryTemplate {

    /** A required parameter, and the variable to bind or the value it must have (or neither: presence). */
    private record Condition(String name, String variable, String literal) {}

    private final List<Condition> required;
    private final List<String> optional;

    private QueryTemplate(List<Condition> required, List<String> optional) {
        this.required = List.copyOf(required);
        this.optional = List.copyOf(optional);
    }

    /**
     * Reads the literal query part (after the template's '?', or null) plus the optional parameters
     * of query expressions found at the end of the path part.
     */
    static QueryTemplate parse(String template, String query, List<String> optionalFromPath) {
        List<Condition> required = new ArrayList<>();
        List<String> optional = new ArrayList<>(optionalFromPath);
        if (query == null) {
            return new QueryTemplate(required, optional);
        }
        StringBuilder rest = new StringBuilder();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '{' && i + 1 < query.length() && (query.charAt(i + 1) == '&' || query.charAt(i + 1) == '?')) {
                int end = query.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("uri-template '" + template + "' has an unclosed '{'");
                }
                optional.addAll(UriTemplate.variableNames(template, query.substring(i + 2, end)));
                i = end + 1;
            } else {
                rest.append(c);
                i++;
            }
        }
        for (String part : rest.toString().split("&")) {
            if (!part.isEmpty()) {
                required.add(condition(template, part));
            }
        }
        return new QueryTemplate(required, optional);
    }

    private static Condition condition(String template, String part) {
        int eq = part.indexOf('=');
        String name = eq < 0 ? part : part.substring(0, eq);
        String value = eq < 0 ? null : part.substring(eq + 1);
        boolean variable = value != null && value.startsWith("{") && value.endsWith("}");
        if (name.isEmpty() || name.indexOf('{') >= 0 || name.indexOf('}') >= 0
                || (!variable && value != null && (value.indexOf('{') >= 0 || value.indexOf('}') >= 0))) {
            throw new IllegalArgumentException("uri-template '" + template + "': query part '" + part
                    + "' must be name={variable}, name=value or name");
        }
        if (variable) {
            String var = UriTemplate.variableNames(template, value.substring(1, value.length() - 1)).get(0);
            return new Condition(UriCodec.decodeForm(name), var, null);
        }
        return new Condition(UriCodec.decodeForm(name), null, value == null ? null : UriCodec.decodeForm(value));
    }

    boolean isEmpty() {
        return required.isEmpty() && optional.isEmpty();
    }

    /** Binds the query's values into {@code vars}; false when a required parameter is missing or differs. */
    boolean bind(Map<String, String> query, Map<String, String> vars) {
        for (Condition c : required) {
            String v = query.get(c.name);
            if (v == null || (c.literal != null && !c.literal.equals(v))) {
                return false;
            }
            if (c.variable != null) {
                vars.putIfAbsent(c.variable, v);
            }
        }
        for (String name : optional) {
            String v = query.get(name);
            if (v != null) {
                vars.putIfAbsent(name, v);
            }
        }
        return true;
    }
}
