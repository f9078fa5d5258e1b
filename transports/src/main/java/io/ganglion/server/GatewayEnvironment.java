package io.ganglion.server;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code [[gateway.environment]]} entry: the URLs under which the gateway advertises its APIs.
 * Endpoint templates may use {@code ${server.hostname}}, {@code ${http.nio.port}} and
 * {@code ${https.nio.port}}, replaced with the bound values at start. Thread-safe: immutable.
 *
 * @param name the environment's name
 * @param type production, sandbox or hybrid
 * @param description free text, or null
 * @param httpEndpoint the HTTP base URL, or null
 * @param httpsEndpoint the HTTPS base URL, or null
 */
public record GatewayEnvironment(String name, Type type, String description, String httpEndpoint,
        String httpsEndpoint) {

    /** Which traffic an environment serves. */
    public enum Type {
        PRODUCTION, SANDBOX, HYBRID;

        /** Parses {@code production}, {@code sandbox} or {@code hybrid} (any case); null otherwise. */
        public static Type parse(String s) {
            for (Type t : values()) {
                if (t.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return t;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The variables an endpoint template may use. */
    public static final String HOSTNAME = "server.hostname";
    public static final String HTTP_PORT = "http.nio.port";
    public static final String HTTPS_PORT = "https.nio.port";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    public GatewayEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The environment used when deployment.toml defines none. */
    static GatewayEnvironment defaults(boolean https) {
        return new GatewayEnvironment("Default", Type.HYBRID, null, "http://${server.hostname}:${http.nio.port}",
                https ? "https://${server.hostname}:${https.nio.port}" : null);
    }

    /** The server endpoint: the HTTPS URL when there is one, else the HTTP URL. */
    public String serverEndpoint() {
        return httpsEndpoint != null ? httpsEndpoint : httpEndpoint;
    }

    /** This environment with every {@code ${variable}} replaced from {@code values}. */
    GatewayEnvironment resolve(Map<String, String> values) {
        return new GatewayEnvironment(name, type, description, substitute(httpEndpoint, values),
                substitute(httpsEndpoint, values));
    }

    /** The first {@code ${variable}} in {@code template} that is not one of {@code known}, or null. */
    static String unknownVariable(String template, Iterable<String> known) {
        if (template == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            boolean found = false;
            for (String k : known) {
                found |= k.equals(m.group(1));
            }
            if (!found) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String substitute(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        String s = out.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
