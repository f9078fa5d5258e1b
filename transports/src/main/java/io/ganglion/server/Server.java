package io.ganglion.server;

import io.ganglion.engine.Engine;
import io.ganglion.engine.config.ConfigProblem;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.RepositoryLoader;
import io.ganglion.engine.rest.Api;
import io.ganglion.transport.http.ListenerConfig;
import io.ganglion.transport.http.listener.HttpListener;
import io.ganglion.transport.http.sender.HttpSender;
import io.ganglion.transport.tls.ClientTls;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Ganglion: the repository's configuration, the engine, its worker pool, the HTTP(S)
 * sender and the HTTP(S) listener, wired together. {@link #start} returns once the listener is
 * bound; {@link #close} stops gracefully. {@link #apiUrls()} and {@link #environments()} tell where
 * the deployed APIs are advertised (for the management API). Thread-safe.
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final int WORKER_QUEUE = 10_000;

    private final ServerConfig config;
    private final ThreadPoolExecutor workers;
    private final HttpSender sender;
    private final HttpListener listener;
    private final GatewayEndpoints endpoints;
    private final Map<String, String> apiUrls;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    private Server(ServerConfig config, ThreadPoolExecutor workers, HttpSender sender, HttpListener listener,
            Configuration deployed) {
        this.config = config;
        this.workers = workers;
        this.sender = sender;
        this.listener = listener;
        this.endpoints = new GatewayEndpoints(config.environments(), config.hostname(), listener.port(),
                listener.httpsPort());
        Map<String, String> urls = new LinkedHashMap<>();
        for (Api api : deployed.apis()) {
            urls.put(api.name(), endpoints.urlOf(api));
        }
        this.apiUrls = Collections.unmodifiableMap(urls);
    }

    /** Reads deployment.toml, loads the repository and starts listening. */
    public static Server start(ServerOptions options) throws StartupException {
        Path repo = options.repository().toAbsolutePath().normalize();
        ServerConfig config = DeploymentToml.read(repo.resolve("conf").resolve(DeploymentToml.FILE));
        config = config.withListener(ports(config.listener(), options));
        RepositoryLoader.Result loaded = RepositoryLoader.load(repo);
        for (ConfigProblem p : loaded.problems()) {
            LOG.warn("{}", p);
        }
        if (!loaded.ok()) {
            LOG.warn("{} configuration problem(s) in {}; the valid artifacts are deployed", loaded.problems().size(),
                    repo);
        }
        ListenerConfig lc = config.listener();
        SSLContext listenerTls = lc.httpsPort() >= 0 ? TlsSetup.listener(repo, config.tls(), config.hostname()) : null;
        ClientTls senderTls = TlsSetup.sender(repo, config.tls());
        AtomicReference<Configuration> current = new AtomicReference<>(loaded.configuration());
        ThreadPoolExecutor workers = workerPool(config);
        HttpSender sender = new HttpSender(config.sender(), senderTls);
        Engine engine = new Engine(current::get, sender, workers, Clock.systemUTC(), lc.maxBodySize());
        HttpListener listener = new HttpListener(lc, listenerTls, engine::accept);
        try {
            listener.start();
        } catch (IOException e) {
            listener.close();
            sender.close();
            workers.shutdownNow();
            throw new StartupException(e.getMessage(), e);
        }
        Server server = new Server(config, workers, sender, listener, loaded.configuration());
        server.apiUrls.forEach((name, url) -> LOG.info("API {} is available at {}", name, url));
        LOG.info("{}", server.startedLine());
        return server;
    }

    /** Applies the command line's ports: with --port alone, HTTPS takes a free port (see ServerOptions). */
    private static ListenerConfig ports(ListenerConfig lc, ServerOptions options) {
        ListenerConfig l = lc;
        if (options.port() != null) {
            l = l.withPort(options.port());
        }
        if (lc.httpsPort() >= 0) {
            if (options.httpsPort() != null) {
                l = l.withHttpsPort(options.httpsPort());
            } else if (options.port() != null) {
                l = l.withHttpsPort(0);
            }
        }
        return l;
    }

    private static ThreadPoolExecutor workerPool(ServerConfig config) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.coreWorkers(), config.workerPoolSize(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(WORKER_QUEUE), r -> {
                    Thread t = new Thread(r, "ganglion-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }

    /** The listener's bound HTTP port. */
    public int port() {
        return listener.port();
    }

    /** The listener's bound HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return listener.httpsPort();
    }

    public ServerConfig config() {
        return config;
    }

    /** The gateway environments with host name and ports filled in (the default one when none are configured). */
    public List<GatewayEnvironment> environments() {
        return endpoints.environments();
    }

    /** The base URL APIs are advertised under: the production environment's, HTTPS preferred. */
    public String serverEndpoint() {
        return endpoints.serverEndpoint();
    }

    /** Each deployed API's advertised URL, by API name ({@code name:vVersion} when versioned), in deployment order. */
    public Map<String, String> apiUrls() {
        return apiUrls;
    }

    /** The line announcing the server is up; tests and scripts wait for it. */
    public String startedLine() {
        String line = "Ganglion started: listening on http://" + config.hostname() + ":" + port();
        return httpsPort() < 0 ? line : line + " and https://" + config.hostname() + ":" + httpsPort();
    }

    /** Waits until {@link #close} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops accepting, lets in-flight exchanges finish (up to 10 s), then closes the listener, the
     * sender and the workers. Idempotent; a concurrent call waits for the first to finish.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                awaitQuietly();
                return;
            }
            closing = true;
        }
        try {
            LOG.info("Ganglion stopping: {} exchange(s) in flight", listener.inFlight());
            listener.stopAccepting();
            if (!listener.awaitIdle(DRAIN_TIMEOUT)) {
                LOG.warn("{} exchange(s) still in flight after {} s; closing anyway", listener.inFlight(),
                        DRAIN_TIMEOUT.toSeconds());
            }
            listener.close();
            sender.close();
            workers.shutdown();
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            LOG.info("Ganglion stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.close();
            sender.close();
            workers.shutdownNow();
        } finally {
            closed.countDown();
        }
    }

    private void awaitQuietly() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
