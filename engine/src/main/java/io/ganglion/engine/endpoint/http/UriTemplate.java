package io.ganglion.engine.endpoint.http;

import io.ganglion.engine.endpoint.request.UriChars;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An RFC 6570 URI template (level 4: {@code {var}}, {@code {+var}}, {@code {#var}}, {@code {.var}},
 * {@code {/var}}, {@code {;var}}, {@code {?a,b}}, {@code {&a}}, with {@code :n} prefixes and
 * {@code *} explode), parsed once and expanded per message.
 *
 * <p>Two WSO2 compatibility rules: a template that starts with a plain {@code {var}} expands it
 * like {@code {+var}}, so a variable may hold a whole URL; and a template written with the
 * {@code legacy-encoding:} prefix URL-decodes variable values and keeps reserved characters in
 * them, for values that arrive already encoded. Undefined variables expand to nothing, as the RFC
 * says. Thread-safe: immutable.
 */
public final class UriTemplate {

    /** WSO2's prefix for templates whose values are already URL-encoded. */
    public static final String LEGACY_PREFIX = "legacy-encoding:";

    private enum Operator {
        SIMPLE("", ",", false, "", false),
        RESERVED("", ",", false, "", true),
        FRAGMENT("#", ",", false, "", true),
        LABEL(".", ".", false, "", false),
        PATH("/", "/", false, "", false),
        PARAM(";", ";", true, "", false),
        QUERY("?", "&", true, "=", false),
        CONTINUATION("&", "&", true, "=", false);

        final String first;
        final String separator;
        final boolean named;
        final String ifEmpty;
        final boolean allowReserved;

        Operator(String first, String separator, boolean named, String ifEmpty, boolean allowReserved) {
            this.first = first;
            this.separator = separator;
            this.named = named;
            this.ifEmpty = ifEmpty;
            this.allowReserved = allowReserved;
        }

        static Operator of(char c) {
            return switch (c) {
                case '+' -> RESERVED;
                case '#' -> FRAGMENT;
                case '.' -> LABEL;
                case '/' -> PATH;
                case ';' -> PARAM;
                case '?' -> QUERY;
                case '&' -> CONTINUATION;
                default -> null;
            };
        }
    }

    private record VarSpec(String name, int prefix, boolean explode) {}

    private record Expression(Operator op, List<VarSpec> vars) {}

    private final String text;
    private final boolean legacy;
    /** Literal strings (already encoded) and expressions, in order. */
    private final List<Object> parts;

    private UriTemplate(String text, boolean legacy, List<Object> parts) {
        this.text = text;
        this.legacy = legacy;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a template, with or without the {@code legacy-encoding:} prefix.
     *
     * @throws IllegalArgumentException with a message naming the problem and its position
     */
    public static UriTemplate parse(String template) {
        boolean legacy = template.startsWith(LEGACY_PREFIX);
        String text = legacy ? template.substring(LEGACY_PREFIX.length()) : template;
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = text.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("'}' without '{' at position " + close);
            }
            if (open < 0) {
                parts.add(UriChars.encodeIllegal(text.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(UriChars.encodeIllegal(text.substring(i, open)));
            }
            if (close < 0) {
                throw new IllegalArgumentException("'{' at position " + open + " is not closed");
            }
            parts.add(expression(text.substring(open + 1, close), open, parts.isEmpty()));
            i = close + 1;
        }
        return new UriTemplate(text, legacy, parts);
    }

    private static Expression expression(String body, int at, boolean first) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty expression '{}' at position " + at);
        }
        if (body.indexOf('{') >= 0) {
            throw new IllegalArgumentException("nested '{' in the expression at position " + at);
        }
        Operator op = Operator.of(body.charAt(0));
        if (op != null) {
            body = body.substring(1);
        } else if ("=,!@|".indexOf(body.charAt(0)) >= 0) {
            throw new IllegalArgumentException("operator '" + body.charAt(0) + "' at position " + at
                    + " is reserved by RFC 6570 and not supported");
        } else {
            // WSO2: a leading {var} may hold a whole URL, so its reserved characters stay.
            op = first ? Operator.RESERVED : Operator.SIMPLE;
        }
        List<VarSpec> vars = new ArrayList<>();
        for (String spec : body.split(",", -1)) {
            vars.add(varSpec(spec, at));
        }
        return new Expression(op, vars);
    }

    private static VarSpec varSpec(String spec, int at) {
        String name = spec;
        int prefix = 0;
        boolean explode = false;
        if (spec.endsWith("*")) {
            explode = true;
            name = spec.substring(0, spec.length() - 1);
        } else if (spec.indexOf(':') >= 0) {
            name = spec.substring(0, spec.indexOf(':'));
            String n = spec.substring(spec.indexOf(':') + 1);
            try {
                prefix = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 1 || prefix > 9999 || !n.matches("[0-9]+")) {
                throw new IllegalArgumentException("prefix ':" + n + "' of '" + name + "' at position " + at
                        + " must be a number from 1 to 9999");
            }
        }
        if (!name.matches("([A-Za-z0-9_\\-]|%[0-9A-Fa-f]{2})+(\\.([A-Za-z0-9_\\-]|%[0-9A-Fa-f]{2})+)*")) {
            throw new IllegalArgumentException("'" + name + "' at position " + at + " is not a valid variable name");
        }
        return new VarSpec(name, prefix, explode);
    }

    /** The template as written, with the {@code legacy-encoding:} prefix when it had one. */
    public String toXml() {
        return legacy ? LEGACY_PREFIX + text : text;
    }

    /** True for a {@code legacy-encoding:} template. */
    public boolean legacy() {
        return legacy;
    }

    /** The names of every variable, in order of appearance. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Expression e) {
                e.vars().forEach(v -> names.add(v.name()));
            }
        }
        return names;
    }

    /**
     * Expands the template. {@code values} maps a variable name to a value: null (undefined), a
     * {@link Collection} or array (a list), a {@link Map} (name/value pairs) or anything else
     * (its string form).
     */
    public String expand(Function<String, Object> values) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (Object p : parts) {
            if (p instanceof Expression e) {
                expand(e, values, out);
            } else {
                out.append((String) p);
            }
        }
        return out.toString();
    }

    private void expand(Expression e, Function<String, Object> values, StringBuilder out) {
        Operator op = e.op();
        boolean first = true;
        for (VarSpec v : e.vars()) {
            Object value = normalize(values.apply(v.name()));
            if (value == null) {
                continue;
            }
            out.append(first ? op.first : op.separator);
            first = false;
            if (value instanceof String s) {
                if (v.prefix() > 0 && s.codePointCount(0, s.length()) > v.prefix()) {
                    s = s.substring(0, s.offsetByCodePoints(0, v.prefix()));
                }
                if (op.named) {
                    out.append(encodeName(v.name()));
                    out.append(s.isEmpty() ? op.ifEmpty : "=");
                }
                out.append(encode(s, op));
            } else if (!v.explode()) {
                if (op.named) {
                    out.append(encodeName(v.name())).append('=');
                }
                out.append(String.join(",", itemsOrPairs(value, op)));
            } else if (value instanceof List<?> list) {
                List<String> items = new ArrayList<>();
                for (Object item : list) {
                    String s = (String) item;
                    items.add(op.named ? encodeName(v.name()) + (s.isEmpty() ? op.ifEmpty : "=" + encode(s, op))
                            : encode(s, op));
                }
                out.append(String.join(op.separator, items));
            } else {
                List<String> pairs = new ArrayList<>();
                ((Map<?, ?>) value).forEach((k, val) -> {
                    String s = (String) val;
                    pairs.add(encode((String) k, op) + (s.isEmpty() && op.named ? op.ifEmpty : "=" + encode(s, op)));
                });
                out.append(String.join(op.separator, pairs));
            }
        }
    }

    /** Unexploded list items, or map keys and values, each encoded. */
    private List<String> itemsOrPairs(Object value, Operator op) {
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(i -> items.add(encode((String) i, op)));
        } else {
            ((Map<?, ?>) value).forEach((k, v) -> items.add(encode((String) k, op) + "," + encode((String) v, op)));
        }
        return items;
    }

    private String encode(String value, Operator op) {
        if (legacy) {
            return UriChars.encode(decode(value), true);
        }
        return UriChars.encode(value, op.allowReserved);
    }

    private static String encodeName(String name) {
        return UriChars.encode(name, true);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** Null for undefined (null, empty list or map); otherwise a String, a List of Strings or a Map. */
    private static Object normalize(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Object[] array) {
            v = Arrays.asList(array);
        }
        if (v instanceof Collection<?> c) {
            List<String> items = new ArrayList<>();
            for (Object o : c) {
                if (o != null) {
                    items.add(String.valueOf(o));
                }
            }
            return items.isEmpty() ? null : items;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, String> pairs = new LinkedHashMap<>();
            m.forEach((k, val) -> {
                if (k != null && val != null) {
                    pairs.put(String.valueOf(k), String.valueOf(val));
                }
            });
            return pairs.isEmpty() ? null : pairs;
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        return toXml();
    }
}
