package io.ganglion.transport.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoresTest {

    @Test
    void generatedKeystoreHoldsASelfSignedCertificateForTheHostAndLoopback(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conf/security/gw.p12");
        KeyStores.generate(file, "pw", "gw.example.org", Duration.ofDays(30));
        KeyStore ks = KeyStores.load(file, "pw");
        X509Certificate c = (X509Certificate) ks.getCertificate(KeyStores.GENERATED_ALIAS);
        c.verify(c.getPublicKey());
        c.checkValidity();
        assertTrue(c.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(29))));
        assertEquals("[DNS:gw.example.org, DNS:localhost, IP:127.0.0.1, IP:0:0:0:0:0:0:0:1]",
                HostnameVerification.describe(c));
        assertTrue(ks.isKeyEntry(KeyStores.GENERATED_ALIAS));
        KeyStores.serverContext(ks, "pw"); // the key is usable
    }

    @Test
    void jksStoresLoadToo(@TempDir Path dir) throws Exception {
        SelfSignedCertificate.Generated g = SelfSignedCertificate.generate("jks", List.of("jks.example"), List.of(),
                Duration.ofDays(1));
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        jks.setKeyEntry("k", g.keys().getPrivate(), "pw".toCharArray(), new Certificate[] {g.certificate()});
        Path file = dir.resolve("store.jks");
        try (OutputStream out = Files.newOutputStream(file)) {
            jks.store(out, "pw".toCharArray());
        }
        assertEquals(g.certificate(), KeyStores.firstCertificate(file, "pw"));
    }

    @Test
    void aWrongPasswordIsAClearError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gw.p12");
        KeyStores.generate(file, "right", "localhost", Duration.ofDays(1));
        IOException e = assertThrows(IOException.class, () -> KeyStores.load(file, "wrong"));
        assertTrue(e.getMessage().startsWith("cannot read the key store " + file), e.getMessage());
    }

    @Test
    void trustStoresHoldCertificates(@TempDir Path dir) throws Exception {
        X509Certificate c = SelfSignedCertificate.generate("t", List.of("t.example"), List.of(), Duration.ofDays(1))
                .certificate();
        Path file = dir.resolve("trust.p12");
        KeyStores.writeTrustStore(file, "pw", List.of(c));
        KeyStore ks = KeyStores.load(file, "pw");
        assertTrue(ks.isCertificateEntry("trusted-0"));
        KeyStores.clientContext(ks);
    }
}
