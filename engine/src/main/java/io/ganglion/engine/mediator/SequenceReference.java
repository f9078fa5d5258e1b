package io.ganglion.engine.mediator;

import io.ganglion.engine.config.Location;
import io.ganglion.engine.message.MessageContext;

/**
 * Runs a named sequence resolved at run time from the message's configuration snapshot, so keys
 * may point forward and follow redeployment. Used for {@code inSequence="key"}-style references.
 * Thread-safe: immutable.
 */
public final class SequenceReference implements Mediator {

    private final String key;
    private final Location location;

    public SequenceReference(String key, Location location) {
        this.key = key;
        this.location = location;
    }

    public String key() {
        return key;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        Mediator seq = ctx.config().sequence(key);
        if (seq == null) {
            throw new MediationException("sequence '" + key + "' is not deployed"
                    + (location == null ? "" : " (referenced at " + location + ")"));
        }
        return seq.mediate(ctx);
    }

    /** Runs the sequence as a fault handler. */
    void mediateAsFault(MessageContext ctx) {
        mediate(ctx);
    }

    /**
     * False: the referenced sequence is only known at run time. Claiming true would make every flow
     * that uses a sequence by key buffer its body and never stream; when the referenced sequence
     * does read the body, {@link io.ganglion.engine.message.Payload#envelope()} reads it on demand on
     * the worker running it.
     */
    @Override
    public boolean readsBody() {
        return false;
    }
}
