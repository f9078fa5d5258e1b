package io.ganglion.transport.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads key and trust stores (PKCS12 or JKS, told apart by their content) and builds the SSL
 * contexts of the listener and the sender. Thread-safe: stateless.
 */
public final class KeyStores {

    /** The alias of the key in a generated keystore. */
    public static final String GENERATED_ALIAS = "ganglion";

    private KeyStores() {}

    /** Loads a PKCS12 or JKS store. */
    public static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        char[] pw = password == null ? null : password.toCharArray();
        try {
            return KeyStore.getInstance(file.toFile(), pw);
        } catch (IOException e) {
            throw new IOException("cannot read the key store " + file + ": " + reason(e), e);
        }
    }

    /** An SSL context serving the key in {@code keystore} (the first key entry). */
    public static SSLContext serverContext(KeyStore keystore, String password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keystore, password == null ? new char[0] : password.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** An SSL context trusting the certificates in {@code truststore}, or the JDK's defaults when null. */
    public static SSLContext clientContext(KeyStore truststore) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(truststore);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /**
     * Writes a PKCS12 keystore holding a new self-signed key for {@code hostname} (plus localhost,
     * 127.0.0.1 and ::1), valid for {@code validity}. The file is written whole or not at all.
     */
    public static KeyStore generate(Path file, String password, String hostname, Duration validity)
            throws IOException, GeneralSecurityException {
        Set<String> dns = new LinkedHashSet<>();
        List<String> ips = new ArrayList<>(List.of("127.0.0.1", "::1"));
        String host = hostname.toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            ips.add(host);
        } else {
            dns.add(host);
        }
        dns.add("localhost");
        SelfSignedCertificate.Generated g = SelfSignedCertificate.generate(host, List.copyOf(dns),
                List.copyOf(new LinkedHashSet<>(ips)), validity);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = password.toCharArray();
        ks.setKeyEntry(GENERATED_ALIAS, g.keys().getPrivate(), pw, new Certificate[] {g.certificate()});
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".keystore", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, pw);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return ks;
    }

    /** Writes a PKCS12 trust store holding {@code certificates} (for tests and tools). */
    public static void writeTrustStore(Path file, String password, List<? extends Certificate> certificates)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certificates) {
            ks.setCertificateEntry("trusted-" + i++, c);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
    }

    /** Reads the first certificate of a store, e.g. to trust a generated listener certificate. */
    public static Certificate firstCertificate(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore ks = load(file, password);
        for (String alias : Collections.list(ks.aliases())) {
            Certificate c = ks.getCertificate(alias);
            if (c != null) {
                return c;
            }
        }
        throw new GeneralSecurityException(file + " holds no certificate");
    }

    private static String reason(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
