package io.ganglion.transport.http.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.spi.SendFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.ProtocolException;
import org.junit.jupiter.api.Test;

class SendErrorsTest {

    private static final Duration T = Duration.ofSeconds(10);

    private static int connect(Exception e) {
        return SendErrors.connectFailed("h:1", e, T).errorCode();
    }

    private static int exchange(Exception e, boolean sent, boolean started) {
        return SendErrors.exchangeFailed("h:1", e, sent, started, T).errorCode();
    }

    @Test
    void connectPhase() {
        assertEquals(101503, connect(new ConnectException("Connection refused")));
        assertEquals(101503, connect(new UnknownHostException("nowhere.invalid")));
        assertEquals(101503, connect(new NoRouteToHostException()));
        assertEquals(101508, connect(new SocketTimeoutException("10 SECONDS")));
        assertEquals(101508, connect(new java.util.concurrent.TimeoutException()));
        SendFailure f = SendErrors.connectFailed("backend:8080", new SocketTimeoutException(), T);
        assertEquals("timed out connecting to backend:8080 after 10000 ms", f.message());
    }

    @Test
    void exchangePhase() {
        assertEquals(101504, exchange(new SocketTimeoutException(), true, false));
        assertEquals(101505, exchange(new ConnectionClosedException(), true, true));
        assertEquals(101505, exchange(new SocketException("Connection reset"), true, false));
        assertEquals(101506, exchange(new ProtocolException("bad status line"), true, false));
        assertEquals(101506, exchange(new MalformedChunkCodingException("bad chunk"), true, true));
        assertEquals(101500, exchange(new IOException("Broken pipe"), false, false));
        assertEquals(101501, exchange(new IOException("disk on fire"), true, true));
        SendFailure f = SendErrors.exchangeFailed("backend:8080", new SocketTimeoutException(), true, false,
                Duration.ofMillis(250));
        assertTrue(f.message().startsWith("no response from backend:8080 within 250 ms"), f.message());
    }

    @Test
    void refusedCertificatesAre101500AndSayWhy() {
        var mismatch = new io.ganglion.transport.tls.HostnameMismatchException(
                "host name verification failed: the certificate of 127.0.0.1 names [DNS:localhost]");
        SendFailure m = SendErrors.connectFailed("127.0.0.1:8443", new javax.net.ssl.SSLHandshakeException("x") {
            {
                initCause(mismatch);
            }
        }, T);
        assertEquals(101500, m.errorCode());
        assertTrue(m.message().contains("names [DNS:localhost]"), m.message());
        SendFailure untrusted = SendErrors.connectFailed("h:443", new javax.net.ssl.SSLHandshakeException("PKIX") {
            {
                initCause(new java.security.cert.CertificateException("unable to find valid certification path"));
            }
        }, T);
        assertEquals(101500, untrusted.errorCode());
        assertTrue(untrusted.message().contains("not trusted"), untrusted.message());
        assertEquals(101503, connect(new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message")));
    }

    @Test
    void aBodyBreakingAfterTheHeadKeepsTheExchangeCodes() {
        assertEquals(101505, SendErrors.bodyFailed("h:1", new ConnectionClosedException(), T).errorCode());
        assertEquals(101504, SendErrors.bodyFailed("h:1", new SocketTimeoutException(), T).errorCode());
        assertEquals(101501, SendErrors.bodyFailed("h:1", new io.ganglion.engine.spi.BodyTooLargeException(10), T)
                .errorCode());
    }
}
