package io.ganglion.engine.rest;

import io.ganglion.engine.config.Location;
import java.util.List;

/**
 * A REST API: {@code <api name context [version version-type] [hostname] [port]>resource+</api>}.
 *
 * @param name API name
 * @param context the context path, e.g. {@code /orders}
 * @param version version string, or null
 * @param versionType {@code url} or {@code context}, or null
 * @param hostname host the API is bound to, or null for any
 * @param port port the API is bound to, or -1 for any
 * @param resources resources in declaration order
 * @param location where it was defined
 */
public record Api(String name, String context, String version, String versionType, String hostname, int port,
        List<Resource> resources, Location location) {}
