package io.ganglion.engine.config;

import io.ganglion.engine.mediator.ReadContext.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the keys artifacts use against the loaded configuration. A dangling key is reported but
 * does not stop the artifact from deploying: as in Synapse, keys resolve when a message needs them.
 * Thread-safe: stateless.
 */
final class ReferenceValidator {

    private ReferenceValidator() {}

    /** One problem per reference whose key names nothing, in the order given. */
    static List<ConfigProblem> check(List<Reference> references, Configuration config) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (Reference r : references) {
            if (!resolves(r, config)) {
                problems.add(new ConfigProblem(r.location(), r.kind().label() + " '" + r.key() + "' is not defined"));
            }
        }
        return problems;
    }

    private static boolean resolves(Reference r, Configuration config) {
        String key = r.key();
        if (key == null || isDynamic(key)) {
            return true;
        }
        switch (r.kind()) {
            case SEQUENCE:
                return sequence(key, config);
            case ENDPOINT:
                return config.endpoint(key) != null;
            case LOCAL_ENTRY:
                return config.localEntry(key) != null;
            case TEMPLATE:
                return config.template(key) != null || config.endpointTemplate(key) != null;
            case ENTRY:
                return sequence(key, config) || config.localEntry(key) != null;
            default:
                return true;
        }
    }

    /** Synapse always has main and fault (it makes defaults), so referring to them is fine. */
    private static boolean sequence(String key, Configuration config) {
        return config.sequence(key) != null || key.equals(Configuration.MAIN) || key.equals(Configuration.FAULT);
    }

    /** A {@code {xpath}} key is evaluated per message and cannot be checked at load. */
    private static boolean isDynamic(String key) {
        String k = key.trim();
        return k.startsWith("{") && k.endsWith("}");
    }
}
