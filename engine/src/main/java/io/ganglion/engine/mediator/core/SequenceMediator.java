package io.ganglion.engine.mediator.core;

import io.ganglion.engine.config.Location;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.SequenceReference;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.message.MessageContext;
import java.util.Objects;

/**
 * Runs a named sequence, resolved per message from the deployed configuration.
 *
 * <pre>{@code
 * <sequence key="name"/>      <!-- static: checked once every artifact is loaded -->
 * <sequence key="{xpath}"/>   <!-- dynamic: the expression's value names the sequence -->
 * }</pre>
 *
 * <p>Top-level {@code <sequence name="...">} definitions are artifacts, not this mediator.
 * Thread-safe: immutable.
 */
public final class SequenceMediator implements Mediator {

    private final Value key;
    private final SequenceReference reference;
    private final Location location;

    /**
     * @param key the static name or dynamic expression
     * @param reference for a static key, the reference that resolves it; null when dynamic
     * @param location where the mediator was written, or null
     */
    public SequenceMediator(Value key, SequenceReference reference, Location location) {
        this.key = Objects.requireNonNull(key, "key");
        if (key.isDynamic() == (reference != null)) {
            throw new IllegalArgumentException("a static key needs a reference; a dynamic key has none");
        }
        this.reference = reference;
        this.location = location;
    }

    public Value key() {
        return key;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        if (reference != null) {
            return reference.mediate(ctx);
        }
        String name = key.evaluate(ctx);
        Mediator seq = ctx.config().sequence(name);
        if (seq == null) {
            throw new MediationException("sequence '" + name + "' (from key '" + key + "') is not deployed"
                    + (location == null ? "" : " (referenced at " + location + ")"));
        }
        return seq.mediate(ctx);
    }

    @Override
    public boolean readsBody() {
        // As for SequenceReference: the target sequence reads the body on demand if it needs it.
        return key.readsBody();
    }
}
