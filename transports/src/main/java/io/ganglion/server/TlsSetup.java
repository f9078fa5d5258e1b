package io.ganglion.server;

import io.ganglion.transport.tls.ClientTls;
import io.ganglion.transport.tls.HostnameVerification;
import io.ganglion.transport.tls.KeyStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link TlsSettings} into the listener's and the sender's TLS: loads the key store (or
 * generates a self-signed one at first start, with a warning) and the trust store, and warns when
 * host names go unchecked. Thread-safe: stateless.
 */
final class TlsSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSetup.class);
    private static final Duration GENERATED_VALIDITY = Duration.ofDays(825);

    private TlsSetup() {}

    /** The HTTPS listener's context, generating the key store when it does not exist. */
    static SSLContext listener(Path repository, TlsSettings tls, String hostname) throws StartupException {
        Path file = repository.resolve(tls.keystoreFile()).normalize();
        try {
            KeyStore ks;
            if (Files.exists(file)) {
                ks = KeyStores.load(file, tls.keystorePassword());
            } else {
                ks = KeyStores.generate(file, tls.keystorePassword(), hostname, GENERATED_VALIDITY);
                LOG.warn("HTTPS key store {} did not exist: generated a self-signed certificate for {}, localhost, "
                        + "127.0.0.1 and ::1. Clients will not trust it; configure [transport.https] "
                        + "listener.keystore.file with a certificate of your own for production", file, hostname);
            }
            return KeyStores.serverContext(ks, tls.keystorePassword());
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException("HTTPS listener: cannot use the key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The sender's TLS: the configured trust store (or the JDK's) and host name verification. */
    static ClientTls sender(Path repository, TlsSettings tls) throws StartupException {
        KeyStore trust = null;
        if (tls.truststoreFile() != null) {
            Path file = repository.resolve(tls.truststoreFile()).normalize();
            if (!Files.exists(file)) {
                throw new StartupException("deployment.toml: 'transport.https.sender.truststore.file' names " + file
                        + ", which does not exist");
            }
            try {
                trust = KeyStores.load(file, tls.truststorePassword());
            } catch (IOException | GeneralSecurityException e) {
                throw new StartupException("HTTPS sender: cannot use the trust store " + file + ": " + e.getMessage(),
                        e);
            }
        }
        if (tls.hostnameVerifier() == HostnameVerification.ALLOW_ALL) {
            LOG.warn("HostnameVerifier is AllowAll: backend certificates are not checked against host names, "
                    + "so any server holding a trusted certificate can impersonate any backend");
        }
        try {
            return new ClientTls(KeyStores.clientContext(trust), tls.hostnameVerifier());
        } catch (GeneralSecurityException e) {
            throw new StartupException("HTTPS sender: " + e.getMessage(), e);
        }
    }
}
