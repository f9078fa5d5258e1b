package io.ganglion.transport.tls;

import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http.nio.ssl.TlsSupport;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.reactor.ssl.TlsDetails;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;

/**
 * TLS towards backends: trust from the configured trust store (or the JDK's), SNI set to the URL
 * host, weak protocols and ciphers off, and the host name checked by our own
 * {@link HostnameVerification} (the JDK's endpoint identification is off, since it only knows
 * one wildcard rule). The host checked is the one HttpCore was asked to connect to, which is the
 * endpoint URL's host: never a reverse lookup. Thread-safe: immutable.
 */
public final class ClientTls implements TlsStrategy {

    private final SSLContext context;
    private final HostnameVerification verification;

    public ClientTls(SSLContext context, HostnameVerification verification) {
        this.context = context;
        this.verification = verification;
    }

    public HostnameVerification verification() {
        return verification;
    }

    @Override
    public void upgrade(TransportSecurityLayer tls, NamedEndpoint endpoint, Object attachment, Timeout handshakeTimeout,
            FutureCallback<TransportSecurityLayer> callback) {
        tls.startTls(context, endpoint, SSLBufferMode.STATIC, this::initialize, this::verify, handshakeTimeout,
                callback);
    }

    @Override
    @Deprecated
    public boolean upgrade(TransportSecurityLayer tls, HttpHost host, SocketAddress localAddress,
            SocketAddress remoteAddress, Object attachment, Timeout handshakeTimeout) {
        if (!URIScheme.HTTPS.same(host.getSchemeName())) {
            return false;
        }
        upgrade(tls, host, attachment, handshakeTimeout, null);
        return true;
    }

    private void initialize(NamedEndpoint endpoint, SSLEngine engine) {
        SSLParameters p = TlsSupport.enforceStrongSecurity(engine.getSSLParameters());
        p.setEndpointIdentificationAlgorithm(null);
        String host = endpoint.getHostName();
        if (host != null && !host.isEmpty() && !isAddress(host)) {
            p.setServerNames(List.of(new SNIHostName(host)));
        }
        engine.setSSLParameters(p);
    }

    private TlsDetails verify(NamedEndpoint endpoint, SSLEngine engine) throws SSLException {
        SSLSession session = engine.getSession();
        if (verification != HostnameVerification.ALLOW_ALL) {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
                throw new SSLPeerUnverifiedException("the backend sent no X.509 certificate");
            }
            String host = endpoint.getHostName();
            if (!verification.matches(host, cert)) {
                throw new HostnameMismatchException("host name verification failed: the certificate of " + host
                        + " names " + HostnameVerification.describe(cert) + ", not " + host + " (HostnameVerifier "
                        + verification.configName() + ")");
            }
        }
        return new TlsDetails(session, engine.getApplicationProtocol());
    }

    private static boolean isAddress(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
