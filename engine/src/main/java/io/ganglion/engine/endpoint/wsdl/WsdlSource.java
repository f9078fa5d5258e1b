package io.ganglion.engine.endpoint.wsdl;

import io.ganglion.engine.config.RepositoryFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads the WSDL a {@code <wsdl uri>} names when the configuration loads: a path (relative to the
 * repository, then to Synapse's home, its parent, then to the artifact's own folder) or a
 * {@code file:} URL. The only network fetch is from a loopback {@code http(s)} URL (localhost,
 * 127.0.0.0/8, ::1), with a 5 s limit; any other host is refused, because a deploy must not depend
 * on a remote server being up. Thread-safe: stateless.
 */
final class WsdlSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private WsdlSource() {}

    /**
     * The WSDL's bytes.
     *
     * @param artifactFile the configuration file being read (its path locates the repository)
     * @throws IllegalArgumentException saying why it cannot be read
     */
    static byte[] read(String uri, String artifactFile) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return fetchLoopback(uri);
        }
        Path artifact = artifactFile == null ? null : Path.of(artifactFile).toAbsolutePath();
        Path repository = repositoryOf(artifact);
        Path base = repository == null ? Path.of("").toAbsolutePath() : repository;
        try {
            return new RepositoryFiles(base).read(uri);
        } catch (IllegalArgumentException notThere) {
            boolean relative = !lower.startsWith("file:") && !Path.of(uri).isAbsolute();
            if (relative && artifact != null && artifact.getParent() != null
                    && Files.isRegularFile(artifact.getParent().resolve(uri))) {
                return readFile(artifact.getParent().resolve(uri));
            }
            throw notThere;
        }
    }

    /** The repository holding {@code artifact} ({@code <repo>/conf/synapse-config/...}), or null. */
    static Path repositoryOf(Path artifact) {
        for (Path p = artifact; p != null; p = p.getParent()) {
            Path parent = p.getParent();
            if (p.getFileName() != null && p.getFileName().toString().equals("synapse-config") && parent != null
                    && parent.getFileName() != null && parent.getFileName().toString().equals("conf")) {
                return parent.getParent();
            }
        }
        return null;
    }

    private static byte[] readFile(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read '" + p + "': " + e.getMessage(), e);
        }
    }

    private static byte[] fetchLoopback(String uri) {
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + uri + "' is not a valid URL", e);
        }
        if (!isLoopback(u.getHost())) {
            throw new IllegalArgumentException("WSDLs are not fetched from the network when the configuration loads"
                    + " (only from localhost); save '" + uri + "' in the repository and give its path");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(u).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalArgumentException("'" + uri + "' answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot fetch '" + uri + "': " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while fetching '" + uri + "'", e);
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost would need a DNS lookup
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
