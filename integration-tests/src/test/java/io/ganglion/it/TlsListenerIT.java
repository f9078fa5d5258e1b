package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ganglion.server.GatewayEnvironment;
import io.ganglion.server.TlsSettings;
import io.ganglion.transport.tls.KeyStores;
import io.ganglion.transport.tls.SelfSignedCertificate;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS listener: out of the box with a key store generated at first start, with a key store
 * of the user's own (JKS), bodies streamed over TLS both ways, and the advertised API URLs.
 */
class TlsListenerIT {

    private static TestRepo echoApi(TestRepo repo, Backend backend) {
        return repo.api("Echo", """
                <api xmlns="http://ws.apache.org/ns/synapse" name="Echo" context="/echo">
                  <resource methods="GET POST" url-mapping="/*">
                    <inSequence><send><endpoint><http uri-template="%s"/></endpoint></send></inSequence>
                    <outSequence><send/></outSequence>
                  </resource>
                </api>""".formatted(backend.url("/echo")));
    }

    /** A client trusting exactly {@code certificate}, keeping the JDK's host name check. */
    private static HttpClient trusting(Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", certificate);
        SSLContext ctx = KeyStores.clientContext(trust);
        return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void httpsWorksOutOfTheBoxWithAGeneratedKeystore() throws Exception {
        try (Backend backend = Backend.start(r -> new Backend.Reply(200, "text/plain",
                r.header("X-Forwarded-Proto") + " from " + r.header("X-Forwarded-For") + ": " + r.body()))) {
            TestRepo repo = echoApi(TestRepo.create(), backend);
            try (Gateway gw = Gateway.start(repo)) {
                Path generated = repo.path().resolve(TlsSettings.DEFAULT_KEYSTORE);
                assertTrue(Files.exists(generated), "the key store was generated at " + generated);
                HttpClient client = trusting(KeyStores.firstCertificate(generated, "ganglion"));
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(gw.httpsUrl("/echo/x")))
                        .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString("over tls"))
                        .header("Content-Type", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("https from 127.0.0.1: over tls", r.body());
                SSLSession tls = r.sslSession().orElseThrow();
                assertTrue(tls.getProtocol().startsWith("TLSv1."), tls.getProtocol());
                // Plain HTTP still answers on its own port.
                assertEquals("http from 127.0.0.1: plain", Http.post(gw.url("/echo/y"), "text/plain", "plain").body());
            }
        }
    }

    @Test
    void aKeystoreOfTheUsersOwnInJksIsServed() throws Exception {
        SelfSignedCertificate.Generated g = SelfSignedCertificate.generate("gateway.test", List.of("gateway.test"),
                List.of("127.0.0.1"), Duration.ofDays(2));
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        jks.setKeyEntry("mine", g.keys().getPrivate(), "jkspass".toCharArray(), new Certificate[] {g.certificate()});
        try (Backend backend = Backend.start(r -> new Backend.Reply(200, "text/plain", "ok"))) {
            TestRepo repo = echoApi(TestRepo.create(), backend).deploymentToml("""
                    [transport.https]
                    listener.keystore.file = "conf/security/mine.jks"
                    listener.keystore.password = "jkspass"
                    """);
            Path file = repo.path().resolve("conf/security/mine.jks");
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                jks.store(out, "jkspass".toCharArray());
            }
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> r = trusting(g.certificate()).send(HttpRequest.newBuilder(
                        URI.create(gw.httpsUrl("/echo/z"))).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                X509Certificate served = (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
                assertEquals(g.certificate(), served);
                assertTrue(Files.notExists(repo.path().resolve(TlsSettings.DEFAULT_KEYSTORE)), "nothing generated");
            }
        }
    }

    @Test
    void largeBodiesStreamOverTlsBothWays() throws Exception {
        byte[] payload = new byte[6 * 1024 * 1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        echo.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        echo.start();
        try {
            TestRepo repo = TestRepo.create().api("Big", """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="Big" context="/big">
                      <resource methods="POST">
                        <inSequence><send><endpoint><http uri-template="http://127.0.0.1:%d/echo"/></endpoint></send></inSequence>
                        <outSequence><send/></outSequence>
                      </resource>
                    </api>""".formatted(echo.getAddress().getPort()));
            try (Gateway gw = Gateway.start(repo)) {
                HttpClient client = trusting(KeyStores.firstCertificate(
                        repo.path().resolve(TlsSettings.DEFAULT_KEYSTORE), "ganglion"));
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(gw.httpsUrl("/big")))
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                        .header("Content-Type", "application/octet-stream").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                assertArrayEquals(payload, r.body());
            }
        } finally {
            echo.stop(0);
        }
    }

    @Test
    void apisAreAdvertisedUnderTheProductionEnvironmentPreferringHttps() {
        TestRepo repo = TestRepo.create().deploymentToml("""
                [server]
                hostname = "gw.example.test"

                [[gateway.environment]]
                name = "Sandbox"
                type = "sandbox"
                http_endpoint = "http://sandbox.example.test:${http.nio.port}"

                [[gateway.environment]]
                name = "Production"
                type = "production"
                http_endpoint = "http://${server.hostname}:${http.nio.port}"
                https_endpoint = "https://${server.hostname}:${https.nio.port}/"
                """)
                .api("Orders", """
                        <api xmlns="http://ws.apache.org/ns/synapse" name="Orders" context="/orders" version="2"
                             version-type="url">
                          <resource methods="GET"><inSequence><respond/></inSequence></resource>
                        </api>""")
                .api("Plain", """
                        <api xmlns="http://ws.apache.org/ns/synapse" name="Plain" context="/plain" transport="http">
                          <resource methods="GET"><inSequence><respond/></inSequence></resource>
                        </api>""");
        try (Gateway gw = Gateway.start(repo)) {
            String https = "https://gw.example.test:" + gw.httpsPort();
            assertEquals(https, gw.server().serverEndpoint());
            assertEquals(Map.of("Orders:v2", https + "/orders/2",
                    "Plain", "http://gw.example.test:" + gw.port() + "/plain"), gw.server().apiUrls());
            List<GatewayEnvironment> envs = gw.server().environments();
            assertEquals("http://sandbox.example.test:" + gw.port(), envs.get(0).httpEndpoint());
            assertEquals(GatewayEnvironment.Type.PRODUCTION, envs.get(1).type());
        }
    }

    @Test
    void withoutEnvironmentsTheDefaultOneUsesTheServerHostname() {
        TestRepo repo = TestRepo.create().api("A", """
                <api xmlns="http://ws.apache.org/ns/synapse" name="A" context="/a">
                  <resource methods="GET"><inSequence><respond/></inSequence></resource>
                </api>""");
        try (Gateway gw = Gateway.start(repo)) {
            assertEquals(Map.of("A", "https://localhost:" + gw.httpsPort() + "/a"), gw.server().apiUrls());
        }
    }
}
