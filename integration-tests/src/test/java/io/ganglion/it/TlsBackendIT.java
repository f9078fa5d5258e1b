package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.ganglion.transport.tls.KeyStores;
import io.ganglion.transport.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HTTPS to backends: a backend whose certificate names {@code localhost} only, called as
 * {@code https://127.0.0.1} and {@code https://localhost} under each HostnameVerifier setting, and a
 * backend whose certificate is not trusted. A refused certificate fails the send with 101500 and a
 * message naming the host and the certificate's names, and reaches the fault sequence.
 */
class TlsBackendIT {

    private static TlsBackend trusted;
    private static TlsBackend untrusted;

    /** A JDK HTTPS server on 127.0.0.1 answering "secure hello" with its own certificate. */
    private record TlsBackend(HttpsServer server, ExecutorService executor, X509Certificate certificate)
            implements AutoCloseable {
        static TlsBackend start(List<String> dnsNames) throws Exception {
            SelfSignedCertificate.Generated g = SelfSignedCertificate.generate(dnsNames.get(0), dnsNames, List.of(),
                    Duration.ofDays(1));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("backend", g.keys().getPrivate(), "pw".toCharArray(), new Certificate[] {g.certificate()});
            SSLContext ctx = KeyStores.serverContext(ks, "pw");
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(ctx));
            ExecutorService executor = Executors.newFixedThreadPool(4);
            server.setExecutor(executor);
            server.createContext("/", ex -> {
                byte[] body = "secure hello".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new TlsBackend(server, executor, g.certificate());
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @BeforeAll
    static void startBackends() throws Exception {
        trusted = TlsBackend.start(List.of("localhost"));
        untrusted = TlsBackend.start(List.of("localhost"));
    }

    @AfterAll
    static void stopBackends() {
        trusted.close();
        untrusted.close();
    }

    /** A repository trusting {@link #trusted}'s certificate, with APIs calling it by IP and by name. */
    private static TestRepo repo(String tlsToml) throws IOException {
        TestRepo repo = TestRepo.create();
        Path trust = repo.path().resolve("conf/backend-trust.p12");
        try {
            KeyStores.writeTrustStore(trust, "trustpw", List.of(trusted.certificate()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
        repo.deploymentToml("""
                [transport.https]
                sender.truststore.file = "conf/backend-trust.p12"
                sender.truststore.password = "trustpw"
                """ + tlsToml);
        for (String[] api : new String[][] {{"ByIp", "/ip", "127.0.0.1", String.valueOf(trusted.port())},
                {"ByName", "/name", "localhost", String.valueOf(trusted.port())},
                {"Untrusted", "/untrusted", "localhost", String.valueOf(untrusted.port())}}) {
            repo.api(api[0], """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="%s" context="%s">
                      <resource methods="GET">
                        <inSequence><send><endpoint><http uri-template="https://%s:%s/hello"/></endpoint></send></inSequence>
                        <outSequence><send/></outSequence>
                        <faultSequence>
                          <payloadFactory media-type="json">
                            <format>{"fault":"$1","message":"$2"}</format>
                            <args>
                              <arg expression="get-property('ERROR_CODE')"/>
                              <arg expression="get-property('ERROR_MESSAGE')"/>
                            </args>
                          </payloadFactory>
                          <property name="HTTP_SC" value="502" scope="axis2"/>
                          <respond/>
                        </faultSequence>
                      </resource>
                    </api>""".formatted(api[0], api[1], api[2], api[3]));
        }
        return repo;
    }

    @ParameterizedTest(name = "{0}: https://127.0.0.1 {1}, https://localhost {2}")
    @CsvSource({
        "Strict, refused, accepted",
        "Default, refused, accepted",
        "DefaultAndLocalhost, accepted, accepted",
        "AllowAll, accepted, accepted"})
    void aCertificateNamingLocalhostOnly(String verifier, String byIp, String byName) throws Exception {
        try (Gateway gw = Gateway.start(repo("sender.hostname_verifier = \"" + verifier + "\"\n"))) {
            check(gw, "/ip", byIp, "127.0.0.1");
            check(gw, "/name", byName, "localhost");
        }
    }

    private static void check(Gateway gw, String path, String outcome, String host) {
        HttpResponse<String> r = Http.get(gw.url(path));
        if (outcome.equals("accepted")) {
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("secure hello", r.body());
        } else {
            assertEquals(502, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"fault\":\"101500\""), r.body());
            assertTrue(r.body().contains("certificate of " + host), r.body());
            assertTrue(r.body().contains("DNS:localhost"), r.body());
        }
    }

    @Test
    void theWso2SpellingOfTheSettingWorksToo() throws Exception {
        String toml = "[transport.passthru_https.sender.parameters]\nHostnameVerifier = \"AllowAll\"\n";
        try (Gateway gw = Gateway.start(repo(toml))) {
            check(gw, "/ip", "accepted", "127.0.0.1");
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedWhateverTheHostnameSetting() throws Exception {
        for (String verifier : List.of("Default", "AllowAll")) {
            try (Gateway gw = Gateway.start(repo("sender.hostname_verifier = \"" + verifier + "\"\n"))) {
                HttpResponse<String> r = Http.get(gw.url("/untrusted"));
                assertEquals(502, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"fault\":\"101500\""), r.body());
                assertTrue(r.body().contains("not trusted"), r.body());
                // The server goes on serving.
                check(gw, "/name", "accepted", "localhost");
            }
        }
    }

    @Test
    void withoutATrustStoreTheJdkDefaultsRefuseASelfSignedBackend() {
        TestRepo repo = TestRepo.create().api("Self", """
                <api xmlns="http://ws.apache.org/ns/synapse" name="Self" context="/self">
                  <resource methods="GET">
                    <inSequence><send><endpoint><http uri-template="https://localhost:%d/hello"/></endpoint></send></inSequence>
                    <outSequence><send/></outSequence>
                  </resource>
                </api>""".formatted(trusted.port()));
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> r = Http.get(gw.url("/self"), "Accept", "application/json");
            assertEquals(502, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"code\":101500"), r.body());
        }
    }
}
