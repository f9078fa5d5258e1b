package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import java.util.List;

/**
 * Sends an independent copy of the message to each target (scatter), tagging the copies so that an
 * {@code <aggregate>} can gather their responses.
 *
 * <pre>{@code
 * <clone [id="id"] [sequential="false"] [continueParent="false"]>
 *   <target [to] [soapAction] [sequence="key"] [endpoint="key"]>
 *     <sequence>mediators</sequence>? <endpoint>...</endpoint>?
 *   </target>+
 * </clone>
 * }</pre>
 *
 * <p>Copies with a sequence run asynchronously, or in order on this thread when
 * {@code sequential="true"}. The original flow continues only with {@code continueParent="true"}.
 * Thread-safe: immutable.
 */
public final class CloneMediator implements Mediator {

    private final String id;
    private final boolean sequential;
    private final boolean continueParent;
    private final List<SplitTarget> targets;
    private final boolean readsBody;

    public CloneMediator(String id, boolean sequential, boolean continueParent, List<SplitTarget> targets) {
        this.id = id;
        this.sequential = sequential;
        this.continueParent = continueParent;
        this.targets = List.copyOf(targets);
        boolean reads = this.targets.size() > 1; // buffer once, rather than let copies race for an unread stream
        for (SplitTarget t : this.targets) {
            reads |= sequential && t.readsBody();
        }
        this.readsBody = reads;
    }

    public String id() {
        return id;
    }

    public boolean sequential() {
        return sequential;
    }

    public boolean continueParent() {
        return continueParent;
    }

    public List<SplitTarget> targets() {
        return targets;
    }

    @Override
    public boolean readsBody() {
        return readsBody;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        int n = targets.size();
        String parentId = ctx.getMessageId();
        if (n > 1 || continueParent) {
            // The copies share the wire body; a streamed body can be relayed only once, so collect it
            // first (usually already done: readsBody() is true for such clones).
            ctx.payload().readBytes();
        }
        for (int i = 0; i < n; i++) {
            MessageContext copy = ctx.copy();
            Splits.tag(copy, id, parentId, i, n);
            targets.get(i).dispatch(copy, sequential);
        }
        return continueParent;
    }
}
