package io.ganglion.engine.endpoint.health;

import io.ganglion.engine.config.Configuration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The state of every leaf endpoint of the deployed configuration: one status per leaf (per target
 * for {@code default} endpoints), and switching endpoints off and on as Synapse's JMX did. The
 * management API exposes this. Endpoints are found from the named endpoints (group children,
 * template instances) and the proxies' target endpoints; anonymous endpoints inline in sequences
 * are not listed.
 *
 * <p>Paths: a named endpoint by its name, an anonymous child as its parent's path plus
 * {@code [index]} (e.g. {@code FO[1]}), a proxy's inline target as {@code proxy:Name}.
 * Thread-safe: reads the current configuration on each call.
 */
public interface EndpointStates {

    /** Every leaf's status, by path. */
    List<EndpointStatus> list();

    /** The statuses of the endpoint at {@code path} and the leaves below it; empty when unknown. */
    List<EndpointStatus> find(String path);

    /** Switches the endpoint at {@code path} (every leaf below it) off; false when unknown. */
    boolean switchOff(String path);

    /** Switches the endpoint at {@code path} (every leaf below it) on; false when unknown. */
    boolean switchOn(String path);

    /** The states of whatever configuration {@code configs} gives at each call. */
    static EndpointStates of(Supplier<Configuration> configs) {
        return new ConfigurationEndpointStates(configs);
    }
}
