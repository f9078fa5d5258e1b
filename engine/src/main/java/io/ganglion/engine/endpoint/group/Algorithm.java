package io.ganglion.engine.endpoint.group;

import java.util.Locale;

/**
 * The load-balance algorithms, by the names Synapse configurations use (class names are aliases;
 * Ganglion does not load classes). Thread-safe: immutable.
 */
public enum Algorithm {
    /** Each child in turn (Synapse's default). */
    ROUND_ROBIN("RoundRobin"),
    /** Smooth weighted round robin by the children's {@code loadbalance.weight} property (default 1). */
    WEIGHTED_ROUND_ROBIN("WeightedRoundRobin"),
    /**
     * The child with the fewest requests in flight relative to its weight; ties in turn. Synapse's
     * {@code WeightedRRLCAlgorithm} (weighted round robin by connections) maps to it.
     */
    LEAST_ACTIVE_REQUESTS("LeastActiveRequests");

    private static final String SYNAPSE_PACKAGE = "org.apache.synapse.endpoints.algorithms.";

    private final String simpleName;

    Algorithm(String simpleName) {
        this.simpleName = simpleName;
    }

    public String simpleName() {
        return simpleName;
    }

    /** The algorithm an {@code algorithm} attribute names, or null when unknown. */
    public static Algorithm fromXml(String value) {
        String v = value.trim();
        if (v.startsWith(SYNAPSE_PACKAGE)) {
            v = v.substring(SYNAPSE_PACKAGE.length());
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "roundrobin":
                return ROUND_ROBIN;
            case "weightedroundrobin":
                return WEIGHTED_ROUND_ROBIN;
            case "weightedrrlcalgorithm":
            case "leastactiverequests":
                return LEAST_ACTIVE_REQUESTS;
            default:
                return null;
        }
    }

    /** The accepted names, for error messages. */
    public static String choices() {
        return "RoundRobin, WeightedRoundRobin, LeastActiveRequests (or " + SYNAPSE_PACKAGE
                + "RoundRobin, WeightedRoundRobin, WeightedRRLCAlgorithm)";
    }
}
