package io.ganglion.engine.endpoint.auth;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credential as configured: plain text, or {@code ${env:NAME}} resolved from the environment
 * when the configuration loads (a missing variable is a deploy error). The configured text is what
 * is written back, so secrets given by reference never end up in written XML. Thread-safe: immutable.
 *
 * @param configured the text as written
 * @param value the resolved value
 */
public record Secret(String configured, String value) {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_.]*)}");

    public Secret {
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(value, "value");
    }

    /** Resolves {@code text} with the process environment. */
    public static Secret of(String text) {
        return of(text, System::getenv);
    }

    /**
     * Resolves every {@code ${env:NAME}} in {@code text} with {@code env}.
     *
     * @throws IllegalArgumentException when a variable is not set
     */
    public static Secret of(String text, UnaryOperator<String> env) {
        Matcher m = ENV.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("environment variable '" + m.group(1) + "' is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return new Secret(text, sb.toString());
    }

    @Override
    public String toString() {
        return configured.contains("${env:") ? configured : "****";
    }
}
