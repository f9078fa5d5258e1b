package io.ganglion.engine.endpoint.health;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.proxy.ProxyService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * {@link EndpointStates} over a configuration: walks the named endpoints and the proxies' targets.
 * References ({@code <endpoint key>}) are not followed: their target is listed under its own name.
 * Thread-safe: stateless between calls.
 */
final class ConfigurationEndpointStates implements EndpointStates {

    private static final int MAX_DEPTH = 32;

    private final Supplier<Configuration> configs;

    ConfigurationEndpointStates(Supplier<Configuration> configs) {
        this.configs = configs;
    }

    /** The roots to walk, by path. */
    private Map<String, Endpoint> roots() {
        Configuration config = configs.get();
        Map<String, Endpoint> roots = new TreeMap<>(config.endpoints());
        for (ProxyService p : config.proxies().values()) {
            Endpoint e = p.endpoint();
            if (e != null && e.referencedKey() == null && !config.endpoints().containsValue(e)) {
                roots.put("proxy:" + p.name(), e);
            }
        }
        return roots;
    }

    @Override
    public List<EndpointStatus> list() {
        List<EndpointStatus> all = new ArrayList<>();
        roots().forEach((path, e) -> walk(e, path, 0, (p, m) -> all.addAll(m.statuses(p))));
        return all;
    }

    /** The endpoint at {@code path}: a root, or a root's child by {@code [i]} steps or a child's name. */
    private Endpoint at(String path) {
        Map<String, Endpoint> roots = roots();
        Endpoint[] found = {roots.get(path)};
        if (found[0] == null) {
            roots.forEach((rootPath, root) -> collect(root, rootPath, 0, path, found));
        }
        return found[0];
    }

    private static void collect(Endpoint e, String path, int depth, String wanted, Endpoint[] found) {
        if (found[0] != null || depth > MAX_DEPTH) {
            return;
        }
        if (path.equals(wanted)) {
            found[0] = e;
            return;
        }
        List<Endpoint> children = e.children();
        for (int i = 0; i < children.size(); i++) {
            Endpoint c = children.get(i);
            if (c.referencedKey() == null) {
                collect(c, childPath(path, c, i), depth + 1, wanted, found);
            }
        }
    }

    @Override
    public List<EndpointStatus> find(String path) {
        Endpoint e = at(path);
        List<EndpointStatus> out = new ArrayList<>();
        if (e != null) {
            walk(e, path, 0, (p, m) -> out.addAll(m.statuses(p)));
        }
        return out;
    }

    @Override
    public boolean switchOff(String path) {
        Endpoint e = at(path);
        if (e != null) {
            walk(e, path, 0, (p, m) -> m.switchOff());
        }
        return e != null;
    }

    @Override
    public boolean switchOn(String path) {
        Endpoint e = at(path);
        if (e != null) {
            walk(e, path, 0, (p, m) -> m.switchOn());
        }
        return e != null;
    }

    private static void walk(Endpoint e, String path, int depth, BiConsumer<String, Monitored> visit) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (e instanceof Monitored m) {
            visit.accept(path, m);
        }
        List<Endpoint> children = e.children();
        for (int i = 0; i < children.size(); i++) {
            Endpoint c = children.get(i);
            if (c.referencedKey() == null) {
                walk(c, childPath(path, c, i), depth + 1, visit);
            }
        }
    }

    private static String childPath(String parent, Endpoint child, int i) {
        return child.name() != null ? child.name() : parent + "[" + i + "]";
    }
}
