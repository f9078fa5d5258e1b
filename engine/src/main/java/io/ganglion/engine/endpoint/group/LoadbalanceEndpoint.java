package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.InboundResponse;
import java.util.List;

/**
 * Spreads messages over its children (or static members) by an {@link Algorithm}. With
 * {@code failover="true"} (the default) a failed message is retried on the algorithm's next pick
 * (see {@link GroupSend}, {@link RetrySettings}); with {@code failover="false"} the failure goes to
 * the fault path. Children that are not ready are always skipped. With a {@code <session>} (see
 * {@link SessionAffinity}) a session stays on its child and, as in Synapse, failures are not retried
 * (nest failover groups as children for that).
 *
 * <pre>{@code
 * <endpoint [name="n"]>
 *   <session type="http|simpleClientSession|soap"><sessionTimeout>ms</sessionTimeout></session>?
 *   <loadbalance [algorithm="RoundRobin|WeightedRoundRobin|LeastActiveRequests|org.apache.synapse...."]
 *                [policy="roundRobin"] [failover="true|false"] [buildMessage] [maxRetries] ...>
 *     (<endpoint ...>[<property name="loadbalance.weight" value="3"/>]</endpoint>+
 *      | <member hostName="h" [httpPort="p"] [httpsPort="p"]/>+)
 *   </loadbalance>
 * </endpoint>
 * }</pre>
 * Thread-safe: selection state is atomic or synchronized.
 */
public final class LoadbalanceEndpoint extends GroupEndpoint {

    /** The property that gives a child's weight. */
    public static final String WEIGHT_PROPERTY = "loadbalance.weight";

    private final Algorithm algorithm;
    private final String algorithmAttribute;
    private final String policyAttribute;
    private final Boolean failover;
    private final SessionAffinity session;
    private final boolean members;
    private final int[] weights;
    private final Balancer balancer;

    /**
     * @param algorithmAttribute / policyAttribute the attributes as written, or null
     * @param failover the attribute as written, or null (true)
     * @param session session affinity, or null
     * @param members true when the children are {@link MemberEndpoint}s from {@code <member>}
     * @param weights one weight (at least 1) per child
     */
    public LoadbalanceEndpoint(EndpointWrapper wrapper, List<Endpoint> children, Algorithm algorithm,
            String algorithmAttribute, String policyAttribute, Boolean failover, SessionAffinity session,
            boolean members, int[] weights, RetrySettings retry) {
        super(wrapper, children, retry);
        if (weights.length != children.size()) {
            throw new IllegalArgumentException("one weight per child is needed");
        }
        this.algorithm = algorithm;
        this.algorithmAttribute = algorithmAttribute;
        this.policyAttribute = policyAttribute;
        this.failover = failover;
        this.session = session;
        this.members = members;
        this.weights = weights.clone();
        this.balancer = new Balancer(algorithm, weights);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public String algorithmAttribute() {
        return algorithmAttribute;
    }

    public String policyAttribute() {
        return policyAttribute;
    }

    /** The {@code failover} attribute as written, or null. */
    public Boolean failoverAttribute() {
        return failover;
    }

    /** The session affinity, or null. */
    public SessionAffinity session() {
        return session;
    }

    /** True when the children came from {@code <member>} elements. */
    public boolean hasMembers() {
        return members;
    }

    /** The weight of child {@code i}. */
    public int weight(int i) {
        return weights[i];
    }

    /** Requests in flight on child {@code i}. */
    public int activeRequests(int i) {
        return balancer.active(i);
    }

    @Override
    protected boolean failsOver() {
        return session == null && (failover == null || failover);
    }

    @Override
    protected String kind() {
        return session == null ? "loadbalance endpoint" : "session-affinity loadbalance endpoint";
    }

    @Override
    public boolean readsBody() {
        return super.readsBody() || (session != null && session.readsBody());
    }

    @Override
    protected int pick(MessageContext ctx, boolean[] tried, boolean first) {
        if (session != null && first) {
            Integer bound = session.lookup(ctx);
            if (bound != null && bound < tried.length && !tried[bound]) {
                return bound;
            }
        }
        return balancer.pick(tried);
    }

    @Override
    protected void started(int i) {
        balancer.started(i);
    }

    @Override
    protected void ended(int i) {
        balancer.ended(i);
    }

    @Override
    protected void answered(int i, MessageContext ctx, InboundResponse response) {
        if (session != null) {
            session.bind(ctx, i, response);
        }
    }
}
