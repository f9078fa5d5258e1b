package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.Outcomes;
import io.ganglion.engine.endpoint.address.AddressEndpoint;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a copy of the message to every recipient: the child endpoints (or members), or the
 * addresses a comma-separated list gives per message. Each copy is an independent send, as the
 * clone mediator's: its response runs the flow's out sequence (so an {@code <aggregate>} there can
 * collect them; copies carry clone's correlation properties) and its failure that copy's fault
 * sequence. The first answer to reach the client wins. Used from {@code <call>}, the calling flow
 * does not resume: the copies' responses take the out path.
 *
 * <pre>{@code
 * <endpoint [name="n"]>
 *   <recipientlist>
 *     (<endpoint .../>+ | <member hostName="h" httpPort="p"/>+
 *      | <endpoints value="http://a/x,http://b/x | {xpath giving such a list}" [max-cache="20"]/>)
 *   </recipientlist>
 * </endpoint>
 * }</pre>
 * Dynamic addresses become address endpoints, kept (with their health) for the last
 * {@code max-cache} addresses. Thread-safe: the address cache is synchronized.
 */
public final class RecipientListEndpoint implements Endpoint {

    /** Clone's correlation properties (Synapse's names), so {@code <aggregate>} groups the copies. */
    static final String CORRELATION = "aggregateCorelation";
    static final String SEQUENCE = "messageSequence";
    public static final int DEFAULT_MAX_CACHE = 20;

    private static final Logger LOG = LoggerFactory.getLogger(RecipientListEndpoint.class);

    private final EndpointWrapper wrapper;
    private final List<Endpoint> children;
    private final boolean members;
    private final String listValue;
    private final SynapseXPath listExpression;
    private final Integer maxCache;
    private final Map<String, Endpoint> cache;

    /**
     * @param children static recipients (empty for the dynamic form)
     * @param listValue the {@code value} attribute of {@code <endpoints>} as written, or null
     * @param listExpression the expression inside {@code {}} of that value, or null for a literal list
     * @param maxCache the {@code max-cache} attribute, or null
     */
    public RecipientListEndpoint(EndpointWrapper wrapper, List<Endpoint> children, boolean members, String listValue,
            SynapseXPath listExpression, Integer maxCache) {
        this.wrapper = wrapper;
        this.children = List.copyOf(children);
        this.members = members;
        this.listValue = listValue;
        this.listExpression = listExpression;
        this.maxCache = maxCache;
        int max = maxCache == null ? DEFAULT_MAX_CACHE : maxCache;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Endpoint> eldest) {
                return size() > max;
            }
        };
    }

    @Override
    public String name() {
        return wrapper.name();
    }

    @Override
    public EndpointWrapper wrapper() {
        return wrapper;
    }

    @Override
    public List<Endpoint> children() {
        return children;
    }

    public boolean hasMembers() {
        return members;
    }

    /** The dynamic list as written, or null. */
    public String listValue() {
        return listValue;
    }

    public Integer maxCache() {
        return maxCache;
    }

    @Override
    public boolean readsBody() {
        return wrapper.readsBody() || (listExpression != null && listExpression.readsBody())
                || children.stream().anyMatch(Endpoint::readsBody);
    }

    /** The recipients of this message. */
    List<Endpoint> recipients(MessageContext ctx) {
        if (listValue == null) {
            return children;
        }
        String list = listExpression == null ? listValue : listExpression.stringValueOf(ctx);
        List<Endpoint> out = new ArrayList<>();
        for (String part : list == null ? new String[0] : list.split(",")) {
            String address = part.trim();
            if (address.isEmpty()) {
                continue;
            }
            if (!TargetUri.isHttp(address)) {
                LOG.warn("{}: recipient '{}' is not an http(s) URL; skipped", describe(), address);
                continue;
            }
            synchronized (cache) {
                out.add(cache.computeIfAbsent(address,
                        a -> new AddressEndpoint(EndpointWrapper.ANONYMOUS, a, EndpointDefinition.EMPTY)));
            }
        }
        return out;
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        List<Endpoint> targets = recipients(ctx);
        int sent = 0;
        RuntimeException first = null;
        for (int i = 0; i < targets.size(); i++) {
            MessageContext copy = ctx.copy();
            copy.setProperty(CORRELATION, ctx.getMessageId());
            copy.setProperty(SEQUENCE, i + "/" + targets.size());
            try {
                ctx.runtime().send(copy, targets.get(i), null);
                sent++;
            } catch (RuntimeException e) {
                LOG.warn("{}: recipient {} failed: {}", describe(), targets.get(i), e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (sent == 0) {
            if (first != null) {
                throw first;
            }
            callback.onFailure(new SendFailure(ErrorCode.ENDPOINT_NONE_READY.code(), describe()
                    + " has no recipients for this message", null));
            return;
        }
        // The copies carry on as sends of their own; this send ends without an answer of its own.
        Outcomes.discard(ctx, callback, describe());
    }

    public String describe() {
        return wrapper.name() == null ? "anonymous recipientlist endpoint" : "recipientlist endpoint '"
                + wrapper.name() + "'";
    }

    @Override
    public String toString() {
        return describe();
    }
}
