package io.ganglion.engine;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.PayloadException;
import io.ganglion.engine.message.StandardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A classified failure: the HTTP status a client gets if nothing handles it, the Synapse error code
 * and the message. Also kept on the message (under {@link #KEY}) so an exchange that ends unanswered
 * after a fault gets this error rather than 202. Thread-safe: immutable.
 *
 * @param status HTTP status for an unhandled fault
 * @param code Synapse error code for ERROR_CODE (0 when none applies)
 * @param message ERROR_MESSAGE
 * @param cause the exception, or null
 */
record Fault(int status, int code, String message, Throwable cause) {

    static final String KEY = "__GANGLION_FAULT_STATE__";

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** Classifies an exception thrown by mediation and logs it once, at a level fitting its kind. */
    static Fault of(Throwable t, String flowName) {
        int status;
        int code;
        if (t instanceof PayloadException pe) {
            status = pe.status();
            code = pe.status();
        } else if (t instanceof MediationException me && me.errorCode() != 0) {
            code = me.errorCode();
            status = ErrorCode.httpStatusFor(code);
        } else {
            code = 0;
            status = 500;
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        if (t instanceof PayloadException) {
            LOG.info("{}: bad request: {}", flowName, message);
        } else if (t instanceof MediationException) {
            LOG.warn("{}: mediation failed: {}", flowName, message);
        } else {
            LOG.error("{}: mediation failed", flowName, t);
        }
        return new Fault(status, code, message, t);
    }

    /** Sets ERROR_CODE, ERROR_MESSAGE, ERROR_DETAIL and ERROR_EXCEPTION on the message. */
    void setOn(MessageContext ctx) {
        ctx.setProperty(StandardProperties.ERROR_CODE, code);
        ctx.setProperty(StandardProperties.ERROR_MESSAGE, message);
        ctx.setProperty(StandardProperties.ERROR_DETAIL, cause == null ? message : String.valueOf(cause));
        ctx.setProperty(StandardProperties.ERROR_EXCEPTION, cause);
    }
}
