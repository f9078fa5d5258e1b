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
    INDIRECT_ENDPOINT_NOT_READY(305100),
    HANDLER_TIME_OUT(504),
    MEDIATION_FAILURE(0);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The numeric code. */
    public int code() {
        return code;
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
                || code == WSDL_ENDPOINT_NOT_READY.code || code == INDIRECT_ENDPOINT_NOT_READY.code) {
            return 503;
        }
        return 500;
    }
}
