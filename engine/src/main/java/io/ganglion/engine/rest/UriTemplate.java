package io.ganglion.engine.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource's {@code uri-template} (RFC 6570 level 3, used backwards: matching a request to a
 * template). Compiled once at load into one regular expression for the path and a list of query
 * conditions.
 *
 * <ul>
 *   <li>{@code {var}} matches one path segment; {@code {x,y}} comma-separated values in one segment;
 *   <li>{@code {+var}} (reserved expansion) may span segments; {@code {/var}}, {@code {.var}},
 *       {@code {;var}} match path segments, labels and path parameters; {@code {var:3}} limits length;
 *   <li>{@code ?a={x}&b={y}} requires the parameters (in any order, others allowed) and binds their
 *       values; {@code ?type=json} requires that value; {@code {?x,y}} / {@code {&x}} bind optional
 *       parameters;
 *   <li>a trailing slash on the request (or the template) is ignored; a template without a query
 *       part ignores the request's query.
 * </ul>
 *
 * Matched values are percent-decoded. Thread-safe: immutable.
 */
public final class UriTemplate {

    private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z0-9_%][A-Za-z0-9_%.\\-]*");
    private static final String OPERATORS = "+#./;?&";
    private static final String RESERVED_OPERATORS = "=,!@|";

    private final String template;
    private final Pattern path;
    private final List<String> pathVariables;
    private final QueryTemplate query;

    private UriTemplate(String template, Pattern path, List<String> pathVariables, QueryTemplate query) {
        this.template = template;
        this.path = path;
        this.pathVariables = List.copyOf(pathVariables);
        this.query = query;
    }

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static UriTemplate parse(String template) {
        String t = template.trim();
        if (!t.isEmpty() && !t.startsWith("/") && !t.startsWith("{")) {
            throw new IllegalArgumentException("uri-template '" + template + "' must start with '/'");
        }
        int q = queryStart(t);
        String pathPart = q < 0 ? t : t.substring(0, q);
        String queryPart = q < 0 ? null : t.substring(q + 1);
        List<String> vars = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        Pattern path = compilePath(template, pathPart, vars, optional);
        return new UriTemplate(template, path, vars, QueryTemplate.parse(template, queryPart, optional));
    }

    /** The index of the '?' that starts a literal query part (outside braces), or -1. */
    private static int queryStart(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '?' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Pattern compilePath(String template, String pathPart, List<String> vars, List<String> optional) {
        // Tokens: literal text (String) and expressions (char[] holding the text between braces).
        List<Object> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pathPart.length()) {
            char c = pathPart.charAt(i);
            if (c == '}') {
                throw new IllegalArgumentException("uri-template '" + template + "' has a '}' without '{'");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = pathPart.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("uri-template '" + template + "' has an unclosed '{'");
            }
            String expression = pathPart.substring(i + 1, end);
            if (expression.indexOf('{') >= 0) {
                throw new IllegalArgumentException("uri-template '" + template + "' has nested '{'");
            }
            if (literal.length() > 0) {
                tokens.add(literal.toString());
                literal.setLength(0);
            }
            tokens.add(expression.toCharArray());
            i = end + 1;
        }
        if (literal.length() > 0) {
            tokens.add(literal.toString());
        }
        // Query expressions ({?x}, {&x}) bind optional parameters and must end the path part.
        int pathEnd = tokens.size();
        while (pathEnd > 0 && tokens.get(pathEnd - 1) instanceof char[] e && e.length > 0
                && (e[0] == '?' || e[0] == '&')) {
            pathEnd--;
            optional.addAll(0, variableNames(template, new String(e, 1, e.length - 1)));
        }
        StringBuilder regex = new StringBuilder();
        for (int n = 0; n < pathEnd; n++) {
            Object token = tokens.get(n);
            if (token instanceof String text) {
                // A trailing slash is optional on both sides: "/orders/" matches "/orders" and back.
                if (n == pathEnd - 1 && text.endsWith("/")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (!text.isEmpty()) {
                    regex.append(Pattern.quote(UriCodec.encodeLiteral(text)));
                }
            } else {
                String expression = new String((char[]) token);
                if (expression.startsWith("?") || expression.startsWith("&")) {
                    throw new IllegalArgumentException("uri-template '" + template
                            + "': query expressions like {?x} must come last");
                }
                appendExpression(template, expression, regex, vars);
            }
        }
        regex.append("/?");
        return Pattern.compile(regex.toString());
    }

    private record VarSpec(String name, boolean explode, int maxLength) {}

    private static List<VarSpec> varSpecs(String template, String list) {
        List<VarSpec> specs = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            String s = raw.trim();
            boolean explode = s.endsWith("*");
            int max = -1;
            if (explode) {
                s = s.substring(0, s.length() - 1);
            }
            int colon = s.indexOf(':');
            if (colon >= 0) {
                try {
                    max = Integer.parseInt(s.substring(colon + 1));
                } catch (NumberFormatException e) {
                    max = 0;
                }
                if (max <= 0 || max >= 10000) {
                    throw new IllegalArgumentException("uri-template '" + template + "': bad prefix length in '"
                            + raw + "'");
                }
                s = s.substring(0, colon);
            }
            if (!VAR_NAME.matcher(s).matches()) {
                throw new IllegalArgumentException("uri-template '" + template + "': '" + raw
                        + "' is not a variable name");
            }
            specs.add(new VarSpec(s, explode, max));
        }
        return specs;
    }

    /** The variable names of a comma-separated variable list (query expressions and query parts). */
    static List<String> variableNames(String template, String list) {
        List<String> names = new ArrayList<>();
        for (VarSpec v : varSpecs(template, list)) {
            names.add(v.name);
        }
        return names;
    }

    private static void appendExpression(String template, String expression, StringBuilder regex, List<String> vars) {
        char op = expression.isEmpty() ? 0 : expression.charAt(0);
        if (RESERVED_OPERATORS.indexOf(op) >= 0) {
            throw new IllegalArgumentException("uri-template '" + template + "': operator '" + op
                    + "' is reserved by RFC 6570");
        }
        boolean hasOp = OPERATORS.indexOf(op) >= 0;
        List<VarSpec> specs = varSpecs(template, hasOp ? expression.substring(1) : expression);
        if (op == '#') {
            regex.append("#");
        }
        for (int n = 0; n < specs.size(); n++) {
            VarSpec v = specs.get(n);
            String value = valuePattern(op, v, specs.size() > 1);
            String item;
            switch (op) {
                case '/':
                    item = "/" + value;
                    break;
                case '.':
                    item = "\\." + value;
                    break;
                case ';':
                    item = ";" + Pattern.quote(v.name) + "(?:=" + value + ")?";
                    break;
                default:
                    item = n == 0 ? value : "," + value;
                    break;
            }
            // Undefined variables are left out of an expansion, so all but the first are optional.
            regex.append(n == 0 ? item : "(?:" + item + ")?");
            vars.add(v.name);
        }
    }

    /** The capturing group matching one variable's value. */
    private static String valuePattern(char op, VarSpec v, boolean list) {
        switch (op) {
            case '+':
            case '#':
                return v.maxLength > 0 ? "(.{1," + v.maxLength + "})" : list ? "([^,]+)" : "(.+)";
            case '/':
                return v.explode ? "([^/]+(?:/[^/]+)*)" : group("[^/]", v);
            case '.':
                return group("[^/.]", v);
            case ';':
                return v.maxLength > 0 ? "([^/;]{0," + v.maxLength + "})" : "([^/;]*)";
            default:
                return group(list ? "[^/,]" : "[^/]", v);
        }
    }

    private static String group(String chars, VarSpec v) {
        return "(" + chars + (v.maxLength > 0 ? "{1," + v.maxLength + "}" : "+") + ")";
    }

    /**
     * Matches a request.
     *
     * @param normalizedPath the path after the API context, normalized by {@link UriCodec#normalize}
     * @param params the decoded query parameters (first value per name)
     * @return the decoded variables, or null when the request does not match
     */
    Map<String, String> match(String normalizedPath, Map<String, String> params) {
        Matcher m = path.matcher(normalizedPath);
        if (!m.matches()) {
            return null;
        }
        if (pathVariables.isEmpty() && query.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < pathVariables.size(); i++) {
            String g = m.group(i + 1);
            if (g != null) {
                vars.putIfAbsent(pathVariables.get(i), UriCodec.decodePath(g));
            }
        }
        return query.bind(params, vars) ? vars : null;
    }

    /** Matches a raw path and query string (tests and tools). */
    public Map<String, String> match(String rawPath, String rawQuery) {
        return match(UriCodec.normalize(rawPath), UriCodec.parseQuery(rawQuery));
    }

    /** The template text as written. */
    @Override
    public String toString() {
        return template;
    }
}
