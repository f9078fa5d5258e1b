package io.ganglion.engine.endpoint;

/** Synapse's error codes, as set in ERROR_CODE when a send or an endpoint fails. */
public enum ErrorCode {
    RCV_IO_ERROR_SENDING(101000),
    RCV_IO_ERROR_RECEIVING(101001),
    SND_IO_ERROR_SENDING(101500),
    SND_IO_ERROR_RECEIVING(101501),
    CONNECTION_FAILED(101503),
    CONNECTION_TIMEOUT(101504),
    CONNECTION_CLOSED(101505),
    PROTOCOL_VIOLATION(101506),
    CONNECT_CANCEL(101507),
    CONNECT_TIMEOUT(101508),
    SEND_ABORT(101509),
    RESPONSE_PROCESSING_FAILURE(101510),
    SND_INVALID_STATE(102510),
    ENDPOINT_NONE_READY(303000),
    ADDRESS_ENDPOINT_NOT_READY(303001),
    WSDL_ENDPOINT_NOT_READY(303002),
    /** Backend authentication could not be done (e.g. the OAuth token endpoint failed). */
    ENDPOINT_AUTH_FAILURE(303003),
    /**
     * Ganglion: a failover or load-balance group may retry, but the request body is larger than its
     * replay buffer, so it is not sent at all rather than sent once and lost on the retry.
     */
    REPLAY_BUFFER_EXCEEDED(303010),
    INDIRECT_ENDPOINT_NOT_READY(305100),
    SESSION_AFFINITY_NONE_READY(309001),
    /** The endpoint timeout fired with responseAction fault; Synapse uses 101504 for it too. */
    HANDLER_TIME_OUT(101504),
    MEDIATION_FAILURE(0);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The numeric code. */
    public int code() {
        return code;
    }

    /**
     * True for the codes a transport reports about a backend (101xxx, 102xxx): only these count
     * against an endpoint's health.
     */
    public static boolean isTransportError(int code) {
        return code >= 101000 && code < 103000;
    }

    /** True for the codes that say an endpoint refused a message without sending it (not ready). */
    public static boolean isNotReady(int code) {
        return code == ENDPOINT_NONE_READY.code || code == ADDRESS_ENDPOINT_NOT_READY.code
                || code == WSDL_ENDPOINT_NOT_READY.code || code == INDIRECT_ENDPOINT_NOT_READY.code
                || code == SESSION_AFFINITY_NONE_READY.code;
    }

    /** The HTTP status a client gets when this error reaches it unhandled. */
    public static int httpStatusFor(int code) {
        if (code == CONNECTION_FAILED.code || code == CONNECTION_CLOSED.code || code == SND_IO_ERROR_SENDING.code
                || code == SND_IO_ERROR_RECEIVING.code || code == PROTOCOL_VIOLATION.code
                || code == CONNECT_CANCEL.code || code == RESPONSE_PROCESSING_FAILURE.code) {
            return 502;
        }
        if (code == CONNECTION_TIMEOUT.code || code == CONNECT_TIMEOUT.code || code == HANDLER_TIME_OUT.code) {
            return 504;
        }
        if (code == ENDPOINT_NONE_READY.code || code == ADDRESS_ENDPOINT_NOT_READY.code
                || code == WSDL_ENDPOINT_NOT_READY.code || code == INDIRECT_ENDPOINT_NOT_READY.code
                || code == SESSION_AFFINITY_NONE_READY.code) {
            return 503;
        }
        if (code == ENDPOINT_AUTH_FAILURE.code) {
            return 502;
        }
        if (code == REPLAY_BUFFER_EXCEEDED.code) {
            return 413;
        }
        return 500;
    }
}
