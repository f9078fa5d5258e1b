package io.ganglion.server;

import io.ganglion.transport.tls.HostnameVerification;
import java.util.Objects;

/**
 * The TLS settings of {@code [transport.https]}. Paths are as written: relative ones are resolved
 * against the repository folder at start. Thread-safe: immutable.
 *
 * @param keystoreFile the listener's key store (PKCS12 or JKS); generated at first start when missing
 * @param keystorePassword its password (also the key's)
 * @param truststoreFile the certificates the sender trusts, or null for the JDK's defaults
 * @param truststorePassword its password, or null
 * @param hostnameVerifier how the sender checks a backend certificate against the URL host
 */
public record TlsSettings(String keystoreFile, String keystorePassword, String truststoreFile,
        String truststorePassword, HostnameVerification hostnameVerifier) {

    public static final String DEFAULT_KEYSTORE = "conf/ganglion.generated.p12";
    public static final TlsSettings DEFAULT = new TlsSettings(DEFAULT_KEYSTORE, "ganglion", null, null,
            HostnameVerification.DEFAULT);

    public TlsSettings {
        Objects.requireNonNull(keystoreFile, "keystoreFile");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        Objects.requireNonNull(hostnameVerifier, "hostnameVerifier");
    }
}
