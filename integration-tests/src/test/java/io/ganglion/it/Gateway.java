package io.ganglion.it;

import io.ganglion.server.Server;
import io.ganglion.server.ServerOptions;

/** The real Ganglion server started in-process on an ephemeral loopback port. */
final class Gateway implements AutoCloseable {

    private final Server server;

    private Gateway(Server server) {
        this.server = server;
    }

    static Gateway start(TestRepo repo) {
        return start(repo.path());
    }

    /** Starts on any repository folder (e.g. a sample), on an ephemeral port. */
    static Gateway start(java.nio.file.Path repository) {
        try {
            return new Gateway(Server.start(new ServerOptions(repository, 0)));
        } catch (Exception e) {
            throw new IllegalStateException("Ganglion did not start: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.port();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int httpsPort() {
        return server.httpsPort();
    }

    String httpsUrl(String path) {
        return "https://127.0.0.1:" + httpsPort() + path;
    }

    Server server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
