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
            assertEquals("Ganglion started: listening on http://localhost:" + port, server.startedLine());

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
    void portInUseIsAStartupError(@TempDir Path dir) throws Exception {
        Path repo = emptyRepository(dir);
        try (Server first = Server.start(new ServerOptions(repo, 0))) {
            StartupException e = assertThrows(StartupException.class,
                    () -> Server.start(new ServerOptions(repo, first.port())));
            assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + first.port()), e.getMessage());
        }
    }
}
