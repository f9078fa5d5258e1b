package io.ganglion.engine.mediator.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The script sandbox's knobs, read once from system properties (pass them with {@code JAVA_OPTS}):
 * <ul>
 *   <li>{@code ganglion.script.budget}: how long one script run may take, in milliseconds
 *       (default 1000); a script still running then is stopped and the message faults;</li>
 *   <li>{@code ganglion.script.allowJavaClasses}: comma-separated class names or package prefixes
 *       ending in {@code .} (e.g. {@code java.util.UUID,java.time.}) scripts may use through
 *       {@code java.*}/{@code Packages.*}; empty (the default) gives scripts no Java at all.</li>
 * </ul>
 * Thread-safe: immutable.
 *
 * @param budget the longest a script run may take
 * @param allowedJavaClasses class names, or prefixes ending in '.', scripts may reach; empty for none
 */
public record ScriptSettings(Duration budget, List<String> allowedJavaClasses) {

    public static final String BUDGET_PROPERTY = "ganglion.script.budget";
    public static final String ALLOW_PROPERTY = "ganglion.script.allowJavaClasses";
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(1);

    public ScriptSettings {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the script budget must be positive, not " + budget);
        }
        allowedJavaClasses = List.copyOf(allowedJavaClasses);
    }

    /** The defaults: a one second budget and no Java access. */
    public static ScriptSettings defaults() {
        return new ScriptSettings(DEFAULT_BUDGET, List.of());
    }

    /** The settings the system properties give; a malformed budget falls back to the default. */
    public static ScriptSettings fromSystemProperties() {
        Duration budget = DEFAULT_BUDGET;
        String b = System.getProperty(BUDGET_PROPERTY);
        if (b != null && !b.isBlank()) {
            try {
                long ms = Long.parseLong(b.trim());
                if (ms > 0) {
                    budget = Duration.ofMillis(ms);
                }
            } catch (NumberFormatException e) {
                // keep the default; RhinoRuntime logs the settings in effect
            }
        }
        List<String> allowed = new ArrayList<>();
        String a = System.getProperty(ALLOW_PROPERTY, "");
        for (String s : a.split(",")) {
            if (!s.isBlank()) {
                allowed.add(s.trim());
            }
        }
        return new ScriptSettings(budget, allowed);
    }

    /** True when scripts may reach the Java class {@code className}. */
    public boolean allowsClass(String className) {
        for (String a : allowedJavaClasses) {
            if (a.endsWith(".") ? className.startsWith(a) : className.equals(a)) {
                return true;
            }
        }
        return false;
    }
}
