package io.ganglion.transport.http.sender;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.spi.SendFailure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.TruncatedChunkException;

/**
 * Classifies a failed send into Synapse's error codes, with a message naming the target.
 * Thread-safe: stateless.
 */
final class SendErrors {

    private SendErrors() {}

    /** A failure while obtaining a connection (lease, TCP connect, TLS handshake). */
    static SendFailure connectFailed(String target, Throwable e, Duration connectTimeout) {
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

    static SendFailure failure(ErrorCode code, String message, Throwable cause) {
        return new SendFailure(code.code(), message, cause);
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
