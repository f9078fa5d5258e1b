package io.ganglion.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.transport.http.ListenerConfig;
import io.ganglion.transport.tls.HostnameVerification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
                buffer_size = 32768
                listener.port = 9090
                listener.host = "127.0.0.1"
                listener.max_body_size = 1048576
                listener.request_timeout = 5000
                listener.idle_timeout = 7000
                listener.max_connections = 10
                listener.max_request_line = 1024
                listener.max_header_size = 2048
                listener.max_header_count = 20
                sender.connect_timeout = 2000
                sender.socket_timeout = 30000
                sender.idle_timeout = 4000
                sender.max_connections = 20
                sender.max_per_route = 5

                [transport.https]
                listener.port = 9443
                listener.keystore.file = "conf/security/gw.jks"
                listener.keystore.password = "secret"
                sender.truststore.file = "/etc/ganglion/trust.p12"
                sender.truststore.password = "trust"
                sender.hostname_verifier = "Strict"

                [[gateway.environment]]
                name = "Production"
                type = "production"
                description = "the public gateway"
                http_endpoint = "http://${server.hostname}:${http.nio.port}"
                https_endpoint = "https://api.example.org"
                """);
        ServerConfig c = DeploymentToml.read(file);
        assertEquals("gw.example.org", c.hostname());
        assertEquals(16, c.workerPoolSize());
        ListenerConfig l = c.listener();
        assertEquals(9090, l.port());
        assertEquals(9443, l.httpsPort());
        assertEquals("127.0.0.1", l.host());
        assertEquals(1048576, l.maxBodySize());
        assertEquals(1048576, c.sender().maxBodySize());
        assertEquals(Duration.ofSeconds(5), l.requestTimeout());
        assertEquals(Duration.ofSeconds(7), l.idleTimeout());
        assertEquals(10, l.maxConnections());
        assertEquals(1024, l.maxRequestLine());
        assertEquals(2048, l.maxHeaderSize());
        assertEquals(20, l.maxHeaderCount());
        assertEquals(32768, l.bufferSize());
        assertEquals(32768, c.sender().bufferSize());
        assertEquals(Duration.ofSeconds(2), c.sender().connectTimeout());
        assertEquals(Duration.ofSeconds(30), c.sender().socketTimeout());
        assertEquals(Duration.ofSeconds(4), c.sender().idleTimeout());
        assertEquals(20, c.sender().maxConnections());
        assertEquals(5, c.sender().maxPerRoute());
        assertEquals(new TlsSettings("conf/security/gw.jks", "secret", "/etc/ganglion/trust.p12", "trust",
                HostnameVerification.STRICT), c.tls());
        assertEquals(List.of(new GatewayEnvironment("Production", GatewayEnvironment.Type.PRODUCTION,
                "the public gateway", "http://${server.hostname}:${http.nio.port}", "https://api.example.org")),
                c.environments());
    }

    @Test
    void httpsCanBeTurnedOff() throws Exception {
        assertEquals(-1, DeploymentToml.parse("[transport.https]\nlistener.enabled = false\n").listener().httpsPort());
        StartupException e = assertThrows(StartupException.class,
                () -> DeploymentToml.parse("[transport.https]\nlistener.enabled = \"no\"\n"));
        assertEquals("deployment.toml: 'transport.https.listener.enabled' must be true or false, not \"no\"",
                e.getMessage());
    }

    @Test
    void hostnameVerifierInEitherSpelling() throws Exception {
        assertEquals(HostnameVerification.DEFAULT, DeploymentToml.parse("").tls().hostnameVerifier());
        assertEquals(HostnameVerification.ALLOW_ALL, DeploymentToml.parse(
                "[transport.passthru_https.sender.parameters]\nHostnameVerifier = \"AllowAll\"\n")
                .tls().hostnameVerifier());
        assertEquals(HostnameVerification.DEFAULT_AND_LOCALHOST, DeploymentToml.parse(
                "[transport.https]\nsender.hostname_verifier = \"defaultandlocalhost\"\n").tls().hostnameVerifier());
        StartupException bad = assertThrows(StartupException.class, () -> DeploymentToml.parse(
                "[transport.https]\nsender.hostname_verifier = \"Lenient\"\n"));
        assertEquals("deployment.toml: 'transport.https.sender.hostname_verifier' must be one of Strict, Default, "
                + "DefaultAndLocalhost, AllowAll, not \"Lenient\"", bad.getMessage());
        StartupException both = assertThrows(StartupException.class, () -> DeploymentToml.parse(
                "[transport.https]\nsender.hostname_verifier = \"Strict\"\n"
                        + "[transport.passthru_https.sender.parameters]\nHostnameVerifier = \"AllowAll\"\n"));
        assertTrue(both.getMessage().contains("disagree"), both.getMessage());
    }

    @Test
    void gatewayEnvironmentsAreChecked() {
        StartupException unknown = assertThrows(StartupException.class, () -> DeploymentToml.parse(
                "[[gateway.environment]]\nname = \"A\"\nhttp_endpoint = \"http://x\"\nservice_url = \"y\"\n"));
        assertEquals("deployment.toml: unknown key 'gateway.environment[0].service_url'", unknown.getMessage());
        StartupException type = assertThrows(StartupException.class, () -> DeploymentToml.parse(
                "[[gateway.environment]]\nname = \"A\"\ntype = \"staging\"\nhttp_endpoint = \"http://x\"\n"));
        assertTrue(type.getMessage().contains("'gateway.environment[0].type' must be one of production, sandbox, "
                + "hybrid"), type.getMessage());
        StartupException variable = assertThrows(StartupException.class, () -> DeploymentToml.parse(
                "[[gateway.environment]]\nname = \"A\"\nhttp_endpoint = \"http://${carbon.local.ip}:80\"\n"));
        assertTrue(variable.getMessage().contains("${carbon.local.ip}"), variable.getMessage());
        StartupException none = assertThrows(StartupException.class, () -> DeploymentToml.parse(
                "[[gateway.environment]]\nname = \"A\"\n"));
        assertTrue(none.getMessage().contains("needs http_endpoint or https_endpoint"), none.getMessage());
        StartupException notArray = assertThrows(StartupException.class, () -> DeploymentToml.parse(
                "[gateway.environment]\nname = \"A\"\n"));
        assertTrue(notArray.getMessage().contains("must be an array of tables"), notArray.getMessage());
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

    @Test
    void theShippedFileAndTheDocumentedExampleParse() throws Exception {
        Path home = Path.of(System.getProperty("user.dir")).getParent();
        ServerConfig shipped = DeploymentToml.read(home.resolve("repository/conf/deployment.toml"));
        assertEquals(8280, shipped.listener().port());
        assertEquals(8243, shipped.listener().httpsPort());
        String doc = Files.readString(home.resolve("docs/configuration.md"));
        String example = doc.substring(doc.indexOf("## Example"));
        example = example.substring(example.indexOf("```toml") + 7, example.lastIndexOf("```"));
        ServerConfig c = DeploymentToml.parse(example);
        assertEquals(HostnameVerification.STRICT, c.tls().hostnameVerifier());
        assertEquals(1, c.environments().size());
        for (String key : TomlKeys.names()) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            assertTrue(doc.contains(last), "docs/configuration.md does not mention " + key);
        }
    }
}
