package io.ganglion.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentTomlTest {

    @Test
    void emptyFileAndMissingFileGiveDefaults(@TempDir Path dir) throws Exception {
        assertEquals(ServerConfig.DEFAULT, DeploymentToml.parse(""));
        assertEquals(ServerConfig.DEFAULT, DeploymentToml.read(dir.resolve("deployment.toml")));
        ServerConfig d = ServerConfig.DEFAULT;
        assertEquals("localhost", d.hostname());
        assertEquals(8280, d.listener().port());
        assertEquals("0.0.0.0", d.listener().host());
        assertEquals(16L * 1024 * 1024, d.listener().maxBodySize());
        assertEquals(Duration.ofSeconds(10), d.sender().connectTimeout());
        assertEquals(Duration.ofSeconds(60), d.sender().socketTimeout());
        assertEquals(200, d.sender().maxConnections());
        assertEquals(50, d.sender().maxPerRoute());
        assertEquals(64, d.workerPoolSize());
    }

    @Test
    void readsEveryKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("deployment.toml");
        Files.writeString(file, """
                [server]
                hostname = "gw.example.org"

                [transport]
                worker_pool_size = 16

                [transport.http]
                listener.port = 9090
                listener.host = "127.0.0.1"
                listener.max_body_size = 1048576
                listener.request_timeout = 5000
                sender.connect_timeout = 2000
                sender.socket_timeout = 30000
                sender.max_connections = 20
                sender.max_per_route = 5
                """);
        ServerConfig c = DeploymentToml.read(file);
        assertEquals("gw.example.org", c.hostname());
        assertEquals(16, c.workerPoolSize());
        assertEquals(9090, c.listener().port());
        assertEquals("127.0.0.1", c.listener().host());
        assertEquals(1048576, c.listener().maxBodySize());
        assertEquals(1048576, c.sender().maxBodySize());
        assertEquals(Duration.ofSeconds(5), c.listener().requestTimeout());
        assertEquals(Duration.ofSeconds(2), c.sender().connectTimeout());
        assertEquals(Duration.ofSeconds(30), c.sender().socketTimeout());
        assertEquals(20, c.sender().maxConnections());
        assertEquals(5, c.sender().maxPerRoute());
    }

    @Test
    void inlineTablesAndDottedKeysAreTheSame() throws Exception {
        ServerConfig a = DeploymentToml.parse("transport.http.listener.port = 1234\n");
        ServerConfig b = DeploymentToml.parse("[transport.http.listener]\nport = 1234\n");
        assertEquals(1234, a.listener().port());
        assertEquals(a, b);
    }

    @Test
    void unknownKeyIsNamed() {
        StartupException e = assertThrows(StartupException.class,
                () -> DeploymentToml.parse("[transport.http]\nlistner.port = 8280\n"));
        assertEquals("deployment.toml: unknown key 'transport.http.listner.port'", e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() {
        StartupException e = assertThrows(StartupException.class,
                () -> DeploymentToml.parse("[transport.http]\nlistener.port = \"8280\"\n"));
        assertEquals("deployment.toml: 'transport.http.listener.port' must be an integer, not \"8280\"",
                e.getMessage());
        StartupException s = assertThrows(StartupException.class,
                () -> DeploymentToml.parse("[server]\nhostname = 5\n"));
        assertEquals("deployment.toml: 'server.hostname' must be a string, not 5", s.getMessage());
        StartupException table = assertThrows(StartupException.class,
                () -> DeploymentToml.parse("[transport.http.listener.port]\nx = 1\n"));
        assertTrue(table.getMessage().contains("'transport.http.listener.port' must be an integer"),
                table.getMessage());
    }

    @Test
    void outOfRangeIsNamed() {
        StartupException e = assertThrows(StartupException.class,
                () -> DeploymentToml.parse("[transport.http]\nlistener.port = 70000\n"));
        assertEquals("deployment.toml: 'transport.http.listener.port' must be between 0 and 65535, not 70000",
                e.getMessage());
    }

    @Test
    void syntaxErrorHasALine() {
        StartupException e = assertThrows(StartupException.class,
                () -> DeploymentToml.parse("[transport.http]\nlistener.port = = 1\n"));
        assertTrue(e.getMessage().startsWith("deployment.toml: line 2"), e.getMessage());
    }
}
