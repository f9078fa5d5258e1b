package io.ganglion.server;

import io.ganglion.transport.http.ListenerConfig;
import io.ganglion.transport.http.SenderConfig;
import java.util.List;
import java.util.Objects;

/**
 * The server's settings, read from {@code conf/deployment.toml} by {@link DeploymentToml}.
 * Thread-safe: immutable.
 *
 * @param hostname the name the server announces itself with ({@code ${server.hostname}})
 * @param workerPoolSize the most mediation worker threads
 * @param listener the HTTP(S) listener's settings ({@code httpsPort} -1 when HTTPS is off)
 * @param sender the HTTP(S) sender's settings
 * @param tls key store, trust store and host name verification
 * @param environments the {@code [[gateway.environment]]} entries, unresolved; empty for the default one
 */
public record ServerConfig(String hostname, int workerPoolSize, ListenerConfig listener, SenderConfig sender,
        TlsSettings tls, List<GatewayEnvironment> environments) {

    public static final int DEFAULT_WORKER_POOL_SIZE = 64;
    public static final ServerConfig DEFAULT = new ServerConfig("localhost", DEFAULT_WORKER_POOL_SIZE,
            ListenerConfig.DEFAULT, SenderConfig.DEFAULT, TlsSettings.DEFAULT, List.of());

    public ServerConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(tls, "tls");
        environments = List.copyOf(environments);
        if (workerPoolSize < 1) {
            throw new IllegalArgumentException("workerPoolSize must be positive");
        }
    }

    public ServerConfig withListener(ListenerConfig l) {
        return new ServerConfig(hostname, workerPoolSize, l, sender, tls, environments);
    }

    /** Worker threads kept even when idle: two per core, within the pool size. */
    public int coreWorkers() {
        return Math.min(workerPoolSize, Runtime.getRuntime().availableProcessors() * 2);
    }
}
