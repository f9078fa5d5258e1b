package io.ganglion.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a {@link Server}. Thread-safe: immutable.
 *
 * @param repository the repository folder (holds {@code conf/deployment.toml} and {@code conf/synapse-config})
 * @param port a listener port overriding deployment.toml's (0 for any free port), or null
 */
public record ServerOptions(Path repository, Integer port) {

    public ServerOptions {
        Objects.requireNonNull(repository, "repository");
    }

    /** Options for {@code repository} with deployment.toml's port. */
    public static ServerOptions of(Path repository) {
        return new ServerOptions(repository, null);
    }
}
