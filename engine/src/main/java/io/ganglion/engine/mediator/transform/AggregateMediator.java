package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.runtime.Exchange;
import io.ganglion.engine.xpath.SynapseXPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.axiom.om.OMContainer;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the messages split by clone or iterate (usually their responses) and, once all have
 * arrived or the timeout passes, merges them into one message that runs the onComplete mediators.
 *
 * <pre>{@code
 * <aggregate [id="splitterId"]>
 *   <correlateOn expression="xpath"/>?
 *   <completeCondition [timeout="seconds"]>
 *     <messageCount [min="n"] [max="n"]/>?
 *   </completeCondition>?
 *   <onComplete expression="xpath" [sequence="key"] [enclosingElementProperty="property"]>
 *     mediators
 *   </onComplete>
 * </aggregate>
 * }</pre>
 *
 * <p>Messages group by exchange and by the split's correlation property (or, with correlateOn, by
 * the presence of a match, as Synapse does, but never across client exchanges). A group completes at
 * {@code max} messages, at the split's message count, or (with neither) at {@code min}. Other
 * messages stop here. The merged message is the first one, with the expression's matches from the
 * others appended next to its own matches, or all matches wrapped in a copy of the element held
 * in {@code enclosingElementProperty}. Messages without correlation pass through.
 *
 * <p>Thread-safe: responses arrive on several workers at once. The groups in progress are the one
 * piece of state a mediator keeps between messages, by nature of aggregation; they live in a
 * concurrent map and each group locks itself.
 */
public final class AggregateMediator implements Mediator {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateMediator.class);

    /** How long a group completed early is remembered, so late responses are dropped, not regrouped. */
    static final long LATE_MESSAGE_WINDOW_MILLIS = 60_000;

    /**
     * When a group is complete.
     *
     * @param timeout the timeout from the first message, or null for none
     * @param min the minimum count as written, or null
     * @param max the maximum count as written, or null
     */
    public record Completion(Duration timeout, Integer min, Integer max) {
        int minCount() {
            return min == null ? -1 : min;
        }

        int maxCount() {
            return max == null ? -1 : max;
        }
    }

    /**
     * What happens on completion.
     *
     * @param expression selects the parts of each message to merge
     * @param sequence the inline sequence or a sequence reference
     * @param enclosingElementProperty the property holding the wrapper element, or null
     */
    public record OnComplete(SynapseXPath expression, Mediator sequence, String enclosingElementProperty) {}

    private record Key(Exchange exchange, String correlation) {}

    private final String id;
    private final SynapseXPath correlateOn;
    private final Completion completion;
    private final OnComplete onComplete;
    private final Map<Key, Aggregation> groups = new ConcurrentHashMap<>();

    public AggregateMediator(String id, SynapseXPath correlateOn, Completion completion, OnComplete onComplete) {
        this.id = id;
        this.correlateOn = correlateOn;
        this.completion = completion;
        this.onComplete = onComplete;
    }

    public String id() {
        return id;
    }

    public SynapseXPath correlateOn() {
        return correlateOn;
    }

    public Completion completion() {
        return completion;
    }

    public OnComplete onComplete() {
        return onComplete;
    }

    @Override
    public boolean readsBody() {
        return true;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        Key key = keyOf(ctx);
        if (key == null) {
            LOG.debug("aggregate{}: the message has no correlation; it passes through", label());
            return true;
        }
        Aggregation group = groups.computeIfAbsent(key, k -> new Aggregation());
        while (!group.add(ctx)) {
            if (correlateOn == null) {
                LOG.debug("aggregate{}: a message arrived after its group completed; dropped", label());
                return false;
            }
            // correlateOn groups are not kept after completion: this message starts the next group.
            groups.remove(key, group);
            group = groups.computeIfAbsent(key, k -> new Aggregation());
        }
        Aggregation added = group;
        long timeoutMillis = completion.timeout() == null ? 0 : completion.timeout().toMillis();
        added.start(ctx.exchange(), timeoutMillis, () -> onTimeout(key, added));
        if (isComplete(added)) {
            finish(key, added, added.complete());
        }
        return false;
    }

    private Key keyOf(MessageContext ctx) {
        if (correlateOn != null) {
            List<Object> found = correlateOn.selectNodes(ctx);
            boolean present = !found.isEmpty() && !(found.size() == 1 && Boolean.FALSE.equals(found.get(0)));
            return present ? new Key(ctx.exchange(), correlateOn.expression()) : null;
        }
        Object c = ctx.getProperty(Splits.correlationProperty(id));
        return c == null ? null : new Key(ctx.exchange(), c.toString());
    }

    private boolean isComplete(Aggregation group) {
        int size = group.size();
        MessageContext first = group.first();
        int total = first == null ? -1 : Splits.total(first.getProperty(Splits.sequenceProperty(id)));
        int max = completion.maxCount();
        int min = completion.minCount();
        return (max > 0 && size >= max) || (total > 0 && size >= total) || (max <= 0 && total <= 0 && min > 0 && size >= min);
    }

    private void onTimeout(Key key, Aggregation group) {
        List<MessageContext> messages = group.complete();
        if (messages != null) {
            LOG.debug("aggregate{}: timed out with {} message(s)", label(), messages.size());
            finish(key, group, messages);
        }
    }

    /** Forgets the group (after a grace period for split groups) and runs onComplete on the merge. */
    private void finish(Key key, Aggregation group, List<MessageContext> messages) {
        if (messages == null) {
            return; // another thread completed the group
        }
        MessageContext merged = messages.get(0);
        int total = Splits.total(merged.getProperty(Splits.sequenceProperty(id)));
        if (correlateOn == null && (total <= 0 || messages.size() < total)) {
            // Responses may still come (timeout, max, unknown count): remember the group a while to drop them.
            Aggregation.TIMER.schedule(() -> groups.remove(key, group), LATE_MESSAGE_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            groups.remove(key, group);
        }
        merged.runtime().mediateAsync(merged, new Mediator() {
            @Override
            public boolean mediate(MessageContext ctx) {
                merge(messages);
                return onComplete.sequence().mediate(ctx);
            }

            @Override
            public boolean readsBody() {
                return true;
            }
        });
    }

    /** Merges the other messages' matches into the first message, as Synapse does. */
    void merge(List<MessageContext> messages) {
        MessageContext first = messages.get(0);
        SynapseXPath expr = onComplete.expression();
        String wrapperProperty = onComplete.enclosingElementProperty();
        if (wrapperProperty != null) {
            Object p = first.getProperty(wrapperProperty);
            if (!(p instanceof OMElement wrapperSource)) {
                throw new MediationException("aggregate: property '" + wrapperProperty + "' holds no XML element");
            }
            OMElement wrapper = wrapperSource.cloneOMElement();
            for (MessageContext m : messages) {
                appendMatches(wrapper, m, expr);
            }
            XmlSupport.replaceBody(first, wrapper);
            return;
        }
        OMContainer parent = null;
        for (Object o : expr.selectNodes(first)) {
            if (o instanceof OMNode n) {
                parent = n.getParent();
            }
        }
        if (parent == null) {
            throw new MediationException("aggregate: the onComplete expression '" + expr.expression()
                    + "' selects nothing in the first message");
        }
        for (MessageContext m : messages.subList(1, messages.size())) {
            appendMatches(parent, m, expr);
        }
    }

    private static void appendMatches(OMContainer to, MessageContext m, SynapseXPath expr) {
        for (Object o : expr.selectNodes(m)) {
            if (o instanceof OMElement e) {
                e.detach();
                to.addChild(e);
            }
        }
    }

    private String label() {
        return id == null ? "" : " '" + id + "'";
    }
}
