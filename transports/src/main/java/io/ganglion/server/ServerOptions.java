package io.ganglion.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a {@link Server}. Thread-safe: immutable.
 *
 * @param repository the repository folder (holds {@code conf/deployment.toml} and {@code conf/synapse-config})
 * @param port an HTTP port overriding deployment.toml's (0 for any free port), or null
 * @param httpsPort an HTTPS port overriding deployment.toml's (0 for any free port), or null: when
 *     {@code port} is given and this is not, HTTPS takes a free port, so that a second server (or
 *     a test) started with {@code --port} never collides with the first on the HTTPS port
 */
public record ServerOptions(Path repository, Integer port, Integer httpsPort) {

    public ServerOptions {
        Objects.requireNonNull(repository, "repository");
    }

    /** Options overriding the HTTP port only (HTTPS then takes a free port). */
    public ServerOptions(Path repository, Integer port) {
        this(repository, port, null);
    }

    /** Options for {@code repository} with deployment.toml's ports. */
    public static ServerOptions of(Path repository) {
        return new ServerOptions(repository, null, null);
    }
}
