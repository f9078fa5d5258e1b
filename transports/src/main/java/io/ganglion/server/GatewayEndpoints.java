package io.ganglion.server;

import io.ganglion.engine.rest.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The URLs under which the gateway advertises its APIs: the configured environments with the
 * bound host name and ports filled in. The server endpoint is the production environment's (the
 * first hybrid one, or the first one, when there is no production environment), and within it the
 * HTTPS URL when there is one. Thread-safe: immutable.
 */
final class GatewayEndpoints {

    private final List<GatewayEnvironment> environments;
    private final GatewayEnvironment selected;

    GatewayEndpoints(List<GatewayEnvironment> configured, String hostname, int httpPort, int httpsPort) {
        List<GatewayEnvironment> source = configured.isEmpty()
                ? List.of(GatewayEnvironment.defaults(httpsPort >= 0)) : configured;
        Map<String, String> values = Map.of(GatewayEnvironment.HOSTNAME, hostname,
                GatewayEnvironment.HTTP_PORT, String.valueOf(httpPort),
                GatewayEnvironment.HTTPS_PORT, String.valueOf(httpsPort));
        List<GatewayEnvironment> resolved = new ArrayList<>();
        for (GatewayEnvironment e : source) {
            resolved.add(e.resolve(values));
        }
        this.environments = List.copyOf(resolved);
        this.selected = pick(environments);
    }

    private static GatewayEnvironment pick(List<GatewayEnvironment> all) {
        for (GatewayEnvironment.Type preferred : List.of(GatewayEnvironment.Type.PRODUCTION,
                GatewayEnvironment.Type.HYBRID)) {
            for (GatewayEnvironment e : all) {
                if (e.type() == preferred) {
                    return e;
                }
            }
        }
        return all.get(0);
    }

    List<GatewayEnvironment> environments() {
        return environments;
    }

    String serverEndpoint() {
        return selected.serverEndpoint();
    }

    /** Where {@code api} is reached: the server endpoint (or the scheme the API is limited to) plus its context. */
    String urlOf(Api api) {
        String base = selected.serverEndpoint();
        if ("http".equalsIgnoreCase(api.transport()) && selected.httpEndpoint() != null) {
            base = selected.httpEndpoint();
        } else if ("https".equalsIgnoreCase(api.transport()) && selected.httpsEndpoint() != null) {
            base = selected.httpsEndpoint();
        }
        String context = api.effectiveContext();
        return context.equals("/") ? base + "/" : base + context;
    }
}
