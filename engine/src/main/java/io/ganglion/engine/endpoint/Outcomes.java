package io.ganglion.engine.endpoint;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.runtime.ErrorResponses;
import io.ganglion.engine.runtime.Exchange;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;

/** Reports endpoint outcomes to callbacks that may or may not be {@link AttemptCallback}s. */
public final class Outcomes {

    private Outcomes() {}

    /** Reports a failure, with the retry flag when the callback can take it. */
    public static void fail(SendCallback callback, SendFailure failure, boolean retryable) {
        if (callback instanceof AttemptCallback a) {
            a.onFailure(failure, retryable);
        } else {
            callback.onFailure(failure);
        }
    }

    /** Tells a group which method its child sends with. */
    public static void method(SendCallback callback, String method) {
        if (callback instanceof AttemptCallback a) {
            a.requestMethod(method);
        }
    }

    /**
     * Ends a send whose response is discarded ({@code responseAction discard}). A group hears of it;
     * at the top the engine's send never completes, so its activity ends here: the flow does not go
     * on and no fault sequence runs. If nothing else answered the client, it gets 504.
     */
    public static void discard(MessageContext ctx, SendCallback callback, String what) {
        if (callback instanceof AttemptCallback a) {
            a.onDiscarded();
            return;
        }
        Exchange ex = ctx.exchange();
        if (ex.end() && !ex.isResponded()) {
            var in = ex.inbound();
            ex.respond(ErrorResponses.of(504, ErrorCode.HANDLER_TIME_OUT.code(),
                    what + " timed out and its response is discarded", in == null ? null : in.headers().get("Accept")));
        }
    }
}
