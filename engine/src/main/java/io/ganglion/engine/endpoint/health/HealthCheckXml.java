package io.ganglion.engine.endpoint.health;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <healthCheck>} (see {@link HealthCheck}). Thread-safe: stateless. */
public final class HealthCheckXml {

    /** The element name inside a leaf's type element. */
    public static final String ELEMENT = "healthCheck";

    private HealthCheckXml() {}

    /** Reads a {@code <healthCheck>} element, or returns null for null. */
    public static HealthCheck read(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        String path = ctx.attribute(el, "path");
        path = path == null ? "/" : path.trim();
        if (!path.startsWith("/")) {
            throw ctx.error(el, "attribute 'path' of <healthCheck> must start with '/', not '" + path + "'");
        }
        long interval = positive(el, "interval", HealthCheck.DEFAULT_INTERVAL_MS, ctx);
        long timeout = positive(el, "timeout", HealthCheck.DEFAULT_TIMEOUT_MS, ctx);
        long healthy = positive(el, "healthyThreshold", HealthCheck.DEFAULT_HEALTHY, ctx);
        long unhealthy = positive(el, "unhealthyThreshold", HealthCheck.DEFAULT_UNHEALTHY, ctx);
        if (healthy > 1000 || unhealthy > 1000) {
            throw ctx.error(el, "health check thresholds must be at most 1000");
        }
        return new HealthCheck(path, interval, timeout, (int) healthy, (int) unhealthy);
    }

    private static long positive(OMElement el, String name, long def, ReadContext ctx) {
        long v = ctx.longAttribute(el, name, def);
        if (v <= 0) {
            throw ctx.error(el, "attribute '" + name + "' of <healthCheck> must be positive, not " + v);
        }
        return v;
    }

    /** Writes {@code check} as a child of {@code parent}; nothing for null. */
    public static void write(HealthCheck check, OMElement parent, WriteContext ctx) {
        if (check == null) {
            return;
        }
        OMElement el = ctx.element(ELEMENT, parent);
        ctx.attribute(el, "path", check.path());
        if (check.intervalMs() != HealthCheck.DEFAULT_INTERVAL_MS) {
            ctx.attribute(el, "interval", String.valueOf(check.intervalMs()));
        }
        if (check.timeoutMs() != HealthCheck.DEFAULT_TIMEOUT_MS) {
            ctx.attribute(el, "timeout", String.valueOf(check.timeoutMs()));
        }
        if (check.healthyThreshold() != HealthCheck.DEFAULT_HEALTHY) {
            ctx.attribute(el, "healthyThreshold", String.valueOf(check.healthyThreshold()));
        }
        if (check.unhealthyThreshold() != HealthCheck.DEFAULT_UNHEALTHY) {
            ctx.attribute(el, "unhealthyThreshold", String.valueOf(check.unhealthyThreshold()));
        }
    }
}
