package io.ganglion.server;

import io.ganglion.transport.http.ListenerConfig;
import io.ganglion.transport.http.SenderConfig;
import java.util.Objects;

/**
 * The server's settings, read from {@code conf/deployment.toml} by {@link DeploymentToml}.
 * Thread-safe: immutable.
 *
 * @param hostname the name the server announces itself with
 * @param workerPoolSize the most mediation worker threads
 * @param listener the HTTP listener's settings
 * @param sender the HTTP sender's settings
 */
public record ServerConfig(String hostname, int workerPoolSize, ListenerConfig listener, SenderConfig sender) {

    public static final int DEFAULT_WORKER_POOL_SIZE = 64;
    public static final ServerConfig DEFAULT = new ServerConfig("localhost", DEFAULT_WORKER_POOL_SIZE,
            ListenerConfig.DEFAULT, SenderConfig.DEFAULT);

    public ServerConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(sender, "sender");
        if (workerPoolSize < 1) {
            throw new IllegalArgumentException("workerPoolSize must be positive");
        }
    }

    public ServerConfig withListener(ListenerConfig l) {
        return new ServerConfig(hostname, workerPoolSize, l, sender);
    }

    /** Worker threads kept even when idle: two per core, within the pool size. */
    public int coreWorkers() {
        return Math.min(workerPoolSize, Runtime.getRuntime().availableProcessors() * 2);
    }
}
