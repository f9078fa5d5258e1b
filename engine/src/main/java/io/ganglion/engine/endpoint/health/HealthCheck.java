package io.ganglion.engine.endpoint.health;

/**
 * An active health check of a leaf endpoint (a Ganglion extension; Synapse only re-probes static
 * LB members): a GET of {@code path} on the endpoint's host every {@code intervalMs}. After
 * {@code unhealthyThreshold} failures in a row (no answer, or a status of 400 or more) an ACTIVE
 * endpoint is suspended; after {@code healthyThreshold} successes in a row a suspended one is ACTIVE
 * again. While checks run, a suspended endpoint is never probed with live traffic.
 *
 * <pre>{@code
 * <address uri="...">
 *   <healthCheck path="/health" [interval="10000"] [timeout="2000"] [healthyThreshold="2"]
 *                [unhealthyThreshold="3"]/>
 * </address>
 * }</pre>
 * The checks start with the endpoint's first message and use the runtime's sender.
 * Thread-safe: immutable.
 *
 * @param path the path (and query) to GET on the endpoint's scheme, host and port
 */
public record HealthCheck(String path, long intervalMs, long timeoutMs, int healthyThreshold,
        int unhealthyThreshold) {

    public static final long DEFAULT_INTERVAL_MS = 10_000;
    public static final long DEFAULT_TIMEOUT_MS = 2_000;
    public static final int DEFAULT_HEALTHY = 2;
    public static final int DEFAULT_UNHEALTHY = 3;

    public HealthCheck {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'");
        }
        if (intervalMs <= 0 || timeoutMs <= 0 || healthyThreshold <= 0 || unhealthyThreshold <= 0) {
            throw new IllegalArgumentException("interval, timeout and thresholds must be positive");
        }
    }
}
