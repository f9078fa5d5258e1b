package io.ganglion.engine.rest;

import io.ganglion.engine.config.Location;
import java.util.List;

/**
 * A REST API: {@code <api name context [version version-type] [hostname] [port] [transport]
 * [lifecycle]>resource+</api>}. Thread-safe: immutable.
 *
 * @param apiName the {@code name} attribute
 * @param context the context as written, e.g. {@code /orders} or {@code /{version}/orders}
 * @param version version string, or null
 * @param versionType where the version appears in paths, or null (the version is then only a label)
 * @param hostname host the API is bound to, or null for any
 * @param port port the API is bound to, or -1 for any
 * @param transport {@code http} or {@code https} when the API accepts only one, or null
 * @param resources resources in declaration order
 * @param lifecycle the lifecycle state (PUBLISHED when the configuration names none)
 * @param location where it was defined, or null
 */
public record Api(String apiName, String context, String version, VersionType versionType, String hostname, int port,
        String transport, List<Resource> resources, Lifecycle lifecycle, Location location) {

    public Api {
        resources = List.copyOf(resources);
        lifecycle = lifecycle == null ? Lifecycle.PUBLISHED : lifecycle;
    }

    /** A PUBLISHED API. */
    public Api(String apiName, String context, String version, VersionType versionType, String hostname, int port,
            String transport, List<Resource> resources, Location location) {
        this(apiName, context, version, versionType, hostname, port, transport, resources, Lifecycle.PUBLISHED,
                location);
    }

    /** The API's identity: its name, or {@code name:v<version>} when versioned (as WSO2 names it). */
    public String name() {
        return version == null ? apiName : apiName + ":v" + version;
    }

    /**
     * The path prefix requests must start with: the context with {@code {version}} replaced
     * (version-type context) or followed by {@code /version} (version-type url), without a
     * trailing slash ("/" stays "/").
     */
    public String effectiveContext() {
        String c = context;
        if (versionType == VersionType.CONTEXT) {
            c = c.replace("{version}", version);
        }
        if (c.length() > 1 && c.endsWith("/")) {
            c = c.substring(0, c.length() - 1);
        }
        if (versionType == VersionType.URL) {
            c = c.equals("/") ? "/" + version : c + "/" + version;
        }
        return c;
    }
}
