package io.ganglion.transport.http.sender;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.spi.BodyTooLargeException;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.transport.tls.HostnameMismatchException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.TruncatedChunkException;

/**
 * Classifies a failed send into Synapse's error codes, with a message naming the target: 101508
 * connect timeout (TCP, TLS handshake or a full pool), 101503 connection failed, 101504 no response
 * within the response timeout, 101505 connection closed, 101506 protocol violation, 101500 a TLS
 * certificate refused (untrusted, or not naming the URL host) or another sending error, 101501 a
 * receiving error. Thread-safe: stateless.
 */
final class SendErrors {

    private SendErrors() {}

    /** A failure while obtaining a connection (lease, TCP connect, TLS handshake). */
    static SendFailure connectFailed(String target, Throwable e, Duration connectTimeout) {
        HostnameMismatchException mismatch = find(e, HostnameMismatchException.class);
        if (mismatch != null) {
            return failure(ErrorCode.SND_IO_ERROR_SENDING, "TLS with " + target + " failed: "
                    + mismatch.getMessage(), mismatch);
        }
        CertificateException untrusted = find(e, CertificateException.class);
        if (untrusted != null) {
            return failure(ErrorCode.SND_IO_ERROR_SENDING, "TLS with " + target + " failed: the certificate is not "
                    + "trusted (" + reason(untrusted) + "); add it or its issuer to sender.truststore.file", e);
        }
        if (e instanceof TargetPool.PoolTimeoutException) {
            return failure(ErrorCode.CONNECT_TIMEOUT, e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
            return failure(ErrorCode.CONNECT_TIMEOUT, "timed out connecting to " + target + " after "
                    + connectTimeout.toMillis() + " ms", e);
        }
        if (e instanceof UnknownHostException) {
            return failure(ErrorCode.CONNECTION_FAILED, "unknown host in " + target, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof PortUnreachableException) {
            return failure(ErrorCode.CONNECTION_FAILED, "could not connect to " + target + ": " + reason(e), e);
        }
        return failure(ErrorCode.CONNECTION_FAILED, "could not connect to " + target + ": " + reason(e), e);
    }

    /**
     * A failure once the exchange was under way.
     *
     * @param requestSent whether the whole request had been written
     * @param responseStarted whether a response head had arrived
     */
    static SendFailure exchangeFailed(String target, Throwable e, boolean requestSent, boolean responseStarted,
            Duration responseTimeout) {
        if (e instanceof SocketTimeoutException) {
            return failure(ErrorCode.CONNECTION_TIMEOUT, "no response from " + target + " within "
                    + responseTimeout.toMillis() + " ms", e);
        }
        if (e instanceof TruncatedChunkException || e instanceof ConnectionClosedException
                || (e instanceof SocketException && requestSent && isReset(e))) {
            return failure(ErrorCode.CONNECTION_CLOSED, target + " closed the connection before the response "
                    + (responseStarted ? "was complete" : "arrived") + ": " + reason(e), e);
        }
        if (e instanceof HttpException || e instanceof MalformedChunkCodingException) {
            return failure(ErrorCode.PROTOCOL_VIOLATION, "protocol error talking to " + target + ": " + reason(e), e);
        }
        if (!requestSent) {
            return failure(ErrorCode.SND_IO_ERROR_SENDING, "I/O error sending to " + target + ": " + reason(e), e);
        }
        return failure(ErrorCode.SND_IO_ERROR_RECEIVING, "I/O error receiving from " + target + ": " + reason(e), e);
    }

    /** A response body that broke after its head was delivered, or exceeded a reader's limit. */
    static SendFailure bodyFailed(String target, Throwable e, Duration responseTimeout) {
        if (e instanceof BodyTooLargeException) {
            return failure(ErrorCode.SND_IO_ERROR_RECEIVING, "the response from " + target + " is larger than "
                    + "the limit: " + e.getMessage(), e);
        }
        return exchangeFailed(target, e, true, true, responseTimeout);
    }

    static SendFailure failure(ErrorCode code, String message, Throwable cause) {
        return new SendFailure(code.code(), message, cause);
    }

    /** The first exception of type {@code type} in {@code e}'s cause chain, or null. */
    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean isReset(Throwable e) {
        String m = e.getMessage();
        return m != null && (m.contains("reset") || m.contains("closed"));
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
