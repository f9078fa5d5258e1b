package io.ganglion.engine.mediator;

import io.ganglion.engine.message.MessageContext;

/** Handles a fault after ERROR_CODE/ERROR_MESSAGE/ERROR_DETAIL are set on the message. */
public interface FaultHandler {

    /** Handles the fault; runs on a worker thread. */
    void handleFault(MessageContext ctx);

    /** A fault handler that runs a sequence (onError, faultSequence, the fault sequence). */
    static FaultHandler of(Mediator sequence) {
        return ctx -> sequence.mediate(ctx);
    }
}
