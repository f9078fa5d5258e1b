package io.ganglion.transport.tls;

import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A backend's certificate does not name the host of the endpoint URL. The message names both,
 * e.g. {@code the certificate of 127.0.0.1 names [DNS:localhost] (HostnameVerifier Strict)}.
 */
public final class HostnameMismatchException extends SSLPeerUnverifiedException {
    private static final long serialVersionUID = 1L;

    public HostnameMismatchException(String message) {
        super(message);
    }
}
