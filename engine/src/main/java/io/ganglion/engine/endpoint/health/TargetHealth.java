package io.ganglion.engine.endpoint.health;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The health of an endpoint that sends to several places: one state per {@code scheme://host:port},
 * so one unreachable To address of a {@code default} endpoint does not suspend the others (Synapse
 * shares one state). The table is bounded: when full, targets that are ACTIVE (and so hold only
 * counters) are forgotten. Thread-safe.
 */
public final class TargetHealth {

    private static final int MAX_TARGETS = 512;

    private final SuspensionPolicy policy;
    private final Map<String, EndpointHealth> byTarget = new ConcurrentHashMap<>();
    private volatile boolean off;

    public TargetHealth(SuspensionPolicy policy) {
        this.policy = policy;
    }

    /** The key a URI's state is kept under. */
    public static String keyOf(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /** The state for {@code target}, created ACTIVE (or OFF when the endpoint is off). */
    public EndpointHealth of(URI target) {
        String key = keyOf(target);
        EndpointHealth h = byTarget.get(key);
        if (h != null) {
            return h;
        }
        if (byTarget.size() >= MAX_TARGETS) {
            byTarget.values().removeIf(e -> e.state() == EndpointState.ACTIVE);
        }
        return byTarget.computeIfAbsent(key, k -> {
            EndpointHealth fresh = new EndpointHealth(policy, false);
            if (off) {
                fresh.switchOff();
            }
            return fresh;
        });
    }

    public List<EndpointStatus> statuses(String path, String type) {
        List<EndpointStatus> list = new ArrayList<>();
        byTarget.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> list.add(e.getValue().status(path, type, e.getKey())));
        return list;
    }

    public void switchOff() {
        off = true;
        byTarget.values().forEach(EndpointHealth::switchOff);
    }

    public void switchOn() {
        off = false;
        byTarget.values().forEach(EndpointHealth::switchOn);
    }
}
