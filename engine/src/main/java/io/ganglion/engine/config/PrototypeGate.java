package io.ganglion.engine.config;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.mediator.ReadContext.EndpointUse;
import io.ganglion.engine.mediator.ReadContext.Reference;
import io.ganglion.engine.rest.Api;
import io.ganglion.engine.rest.Resource;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WSO2's rule that prototypes are for prototyping: an API in any state other than CREATED or
 * PROTOTYPED may neither have a prototype implementation nor reach a {@code prototype="true"}
 * endpoint, whether directly, inside a group, through an endpoint key, or through the sequences and
 * templates it calls by key. Thread-safe: stateless.
 */
final class PrototypeGate {

    static final String RULE = "prototype endpoints and prototype implementations are allowed only while an API is"
            + " CREATED or PROTOTYPED";

    /** What one artifact read: its endpoints and the keys it uses. */
    record Usage(List<EndpointUse> endpoints, List<Reference> references) {}

    /** The artifacts already deployed, by name. */
    interface Artifacts {
        Endpoint endpoint(String key);

        Usage sequence(String key);

        Usage template(String key);
    }

    private PrototypeGate() {}

    /**
     * Checks one API.
     *
     * @throws ConfigException at the offending element, naming the rule
     */
    static void check(Api api, Usage usage, Artifacts artifacts) {
        if (api.lifecycle().allowsPrototypes()) {
            return;
        }
        String state = "API '" + api.name() + "' is " + api.lifecycle();
        for (Resource r : api.resources()) {
            if (r.prototype() != null && !r.prototype().isNotImplemented()) {
                throw new ConfigException(r.prototype().location(), state + " but its resource '" + r.label()
                        + "' has a <prototype> implementation; " + RULE);
            }
        }
        Walk walk = new Walk(artifacts);
        String found = walk.usage(usage, "");
        if (found != null) {
            throw new ConfigException(walk.at == null ? api.location() : walk.at, state + " but uses " + found + "; "
                    + RULE);
        }
    }

    /** One search, remembering what it has seen so that cycles end. */
    private static final class Walk {
        private final Artifacts artifacts;
        private final Map<Endpoint, Boolean> seenEndpoints = new IdentityHashMap<>();
        private final Set<String> seenKeys = new HashSet<>();
        /** Where, in the API's own file, the path to the prototype endpoint starts. */
        private Location at;

        Walk(Artifacts artifacts) {
            this.artifacts = artifacts;
        }

        /** A description of the first prototype endpoint {@code u} reaches, or null. */
        String usage(Usage u, String via) {
            if (u == null) {
                return null;
            }
            boolean top = via.isEmpty();
            for (EndpointUse e : u.endpoints()) {
                String found = endpoint(e.endpoint(), via);
                if (found != null) {
                    at = top ? e.location() : at;
                    return found;
                }
            }
            for (Reference r : u.references()) {
                String found = reference(r, via);
                if (found != null) {
                    at = top ? r.location() : at;
                    return found;
                }
            }
            return null;
        }

        private String reference(Reference r, String via) {
            String key = r.key();
            if (key == null || !seenKeys.add(r.kind() + " " + key)) {
                return null;
            }
            switch (r.kind()) {
                case ENDPOINT: {
                    Endpoint e = artifacts.endpoint(key);
                    return e == null ? null : endpoint(e, via);
                }
                case SEQUENCE:
                case ENTRY:
                    return usage(artifacts.sequence(key), via + " through sequence '" + key + "'");
                case TEMPLATE:
                    return usage(artifacts.template(key), via + " through template '" + key + "'");
                default:
                    return null;
            }
        }

        private String endpoint(Endpoint e, String via) {
            if (e == null || seenEndpoints.put(e, Boolean.TRUE) != null) {
                return null;
            }
            EndpointWrapper w = e.wrapper();
            if (w != null && w.prototype()) {
                return "prototype endpoint " + (w.name() == null ? "(an inline endpoint)" : "'" + w.name() + "'") + via;
            }
            for (Endpoint child : e.children()) {
                String found = endpoint(child, via);
                if (found != null) {
                    return found;
                }
            }
            String key = e.referencedKey();
            if (key != null && seenKeys.add("ENDPOINT " + key)) {
                Endpoint target = artifacts.endpoint(key);
                return target == null ? null : endpoint(target, via);
            }
            return null;
        }
    }
}
