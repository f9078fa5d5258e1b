package io.ganglion.engine.endpoint.health;

import java.util.List;

/**
 * An endpoint that keeps health state (the leaves: address, http, wsdl, default, static members).
 * Thread-safe.
 */
public interface Monitored {

    /** One status per state this endpoint keeps (one, or one per target for {@code default}). */
    List<EndpointStatus> statuses(String path);

    /** Switches the endpoint off (all its targets). */
    void switchOff();

    /** Switches the endpoint on (all its targets). */
    void switchOn();
}
