package io.ganglion.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import io.ganglion.transport.tls.KeyStores;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path emptyRepository(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf/synapse-config"));
        Files.writeString(dir.resolve("conf/deployment.toml"), "[transport.http]\nlistener.host = \"127.0.0.1\"\n");
        return dir;
    }

    private static HttpResponse<String> get(int port, String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheEngines404OnAnEmptyRepositoryAndStopsCleanly(@TempDir Path dir) throws Exception {
        Server server = Server.start(new ServerOptions(emptyRepository(dir), 0));
        int port = server.port();
        try {
            assertTrue(port > 0);
            assertEquals("Ganglion started: listening on http://localhost:" + port + " and https://localhost:"
                    + server.httpsPort(), server.startedLine());

            HttpResponse<String> json = get(port, "/nothing/here", "application/json");
            assertEquals(404, json.statusCode());
            assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(json.body().contains("\"status\":404"), json.body());

            HttpResponse<String> xml = get(port, "/", null);
            assertEquals(404, xml.statusCode());
            assertTrue(xml.body().startsWith("<error>"), xml.body());
        } finally {
            server.close();
        }
        server.close(); // idempotent
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        });
    }

    @Test
    void httpsWorksOutOfTheBoxWithAGeneratedKeystore(@TempDir Path dir) throws Exception {
        Path repo = emptyRepository(dir);
        try (Server server = Server.start(new ServerOptions(repo, 0))) {
            Path keystore = repo.resolve(TlsSettings.DEFAULT_KEYSTORE);
            assertTrue(Files.exists(keystore), "no key store generated at " + keystore);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("gateway", KeyStores.firstCertificate(keystore, "ganglion"));
            HttpClient tls = HttpClient.newBuilder().sslContext(KeyStores.clientContext(trust))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            // The generated certificate names 127.0.0.1, so the JDK client's host name check passes.
            HttpResponse<String> r = tls.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.httpsPort() + "/nothing")).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode());
            assertEquals("https://localhost:" + server.httpsPort(), server.serverEndpoint());
        }
        // A second start reuses the key store it generated.
        byte[] before = Files.readAllBytes(repo.resolve(TlsSettings.DEFAULT_KEYSTORE));
        try (Server again = Server.start(new ServerOptions(repo, 0))) {
            assertTrue(again.httpsPort() > 0);
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(repo.resolve(TlsSettings.DEFAULT_KEYSTORE))));
    }

    @Test
    void portInUseIsAStartupError(@TempDir Path dir) throws Exception {
        Path repo = emptyRepository(dir);
        try (Server first = Server.start(new ServerOptions(repo, 0))) {
            StartupException e = assertThrows(StartupException.class,
                    () -> Server.start(new ServerOptions(repo, first.port())));
            assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + first.port()), e.getMessage());
        }
    }
}
