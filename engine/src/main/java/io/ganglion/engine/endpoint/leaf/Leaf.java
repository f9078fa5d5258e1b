package io.ganglion.engine.endpoint.leaf;

import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.Outcomes;
import io.ganglion.engine.endpoint.auth.BackendAuth;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.RetryConfig;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.TimeoutAction;
import io.ganglion.engine.endpoint.health.EndpointHealth;
import io.ganglion.engine.endpoint.health.EndpointHealth.Admission;
import io.ganglion.engine.endpoint.health.EndpointStatus;
import io.ganglion.engine.endpoint.health.HealthCheck;
import io.ganglion.engine.endpoint.health.HealthChecker;
import io.ganglion.engine.endpoint.health.Monitored;
import io.ganglion.engine.endpoint.health.SuspensionPolicy;
import io.ganglion.engine.endpoint.health.TargetHealth;
import io.ganglion.engine.endpoint.request.OutboundRequests;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every leaf endpoint does around the actual send: it refuses messages while the endpoint is
 * not ready (303001, or 303002 for WSDL endpoints), builds the request, adds backend credentials,
 * enforces the endpoint timeout with its response action, feeds transport errors to the state
 * machine, and tells a parent group whether the error may be retried ({@code retryConfig}).
 *
 * <p>Only transport errors (101xxx, 102xxx) count against the endpoint; a response with any HTTP
 * status counts as success, as in Synapse. Thread-safe: configuration is immutable, state lives in
 * the thread-safe health holders.
 */
public final class Leaf implements Monitored {

    /** How long an unanswered probe blocks the next one when the endpoint has no timeout. */
    private static final long DEFAULT_PROBE_LEASE_MS = 185_000;

    private final String type;
    private final String describe;
    private final EndpointDefinition definition;
    private final int notReadyCode;
    private final BackendAuth auth;
    private final HealthCheck check;
    private final EndpointHealth single;
    private final TargetHealth perTarget;
    private final AtomicReference<HealthChecker> checker = new AtomicReference<>();

    /**
     * @param type the element name, e.g. {@code address}
     * @param describe names the endpoint in messages, e.g. {@code address endpoint 'Quote'}
     * @param notReadyCode the code for a refused message (303001, or 303002 for WSDL endpoints)
     * @param auth backend credentials, or null
     * @param check an active health check, or null
     * @param perTarget true to keep one state per target host (default endpoints)
     */
    public Leaf(String type, String describe, EndpointDefinition definition, int notReadyCode, BackendAuth auth,
            HealthCheck check, boolean perTarget) {
        this(type, describe, definition, SuspensionPolicy.of(definition), notReadyCode, auth, check, perTarget);
    }

    /** As above with an explicit suspension policy (static load-balance members). */
    public Leaf(String type, String describe, EndpointDefinition definition, SuspensionPolicy policy, int notReadyCode,
            BackendAuth auth, HealthCheck check, boolean perTarget) {
        if (perTarget && check != null) {
            throw new IllegalArgumentException("health checks need a fixed target");
        }
        this.type = type;
        this.describe = describe;
        this.definition = definition;
        this.notReadyCode = notReadyCode;
        this.auth = auth;
        this.check = check;
        this.single = perTarget ? null : new EndpointHealth(policy, check != null);
        this.perTarget = perTarget ? new TargetHealth(policy) : null;
    }

    public EndpointDefinition definition() {
        return definition;
    }

    /** The backend credentials, or null. */
    public BackendAuth auth() {
        return auth;
    }

    /** The active health check, or null. */
    public HealthCheck healthCheck() {
        return check;
    }

    /** The endpoint's state holder for {@code target}. */
    public EndpointHealth healthFor(URI target) {
        return single != null ? single : perTarget.of(target);
    }

    /**
     * Sends the message's request to {@code target}.
     *
     * @param method the endpoint's own HTTP method, or null to derive it
     */
    public void send(MessageContext ctx, URI target, String method, SendCallback callback) {
        long now = ctx.runtime().clock().millis();
        EndpointHealth health = healthFor(target);
        startChecks(ctx, target, health);
        Admission admission = health.admit(now, probeLeaseMs());
        if (admission == Admission.REJECT) {
            callback.onFailure(new SendFailure(notReadyCode, "Currently, " + describe + " is not ready: it is "
                    + health.describe(), null));
            return;
        }
        boolean probe = admission == Admission.PROBE;
        OutboundRequest request;
        try {
            request = OutboundRequests.build(ctx, target, method, definition);
        } catch (RuntimeException e) {
            health.onNeutral(probe);
            throw e;
        }
        Outcomes.method(callback, request.method());
        LeafAttempt attempt = new LeafAttempt(this, ctx, health, probe, now, callback);
        attempt.start(request, auth);
    }

    private void startChecks(MessageContext ctx, URI target, EndpointHealth health) {
        if (check != null && checker.get() == null) {
            HealthChecker c = new HealthChecker(check, health, target, ctx.runtime().sender(), ctx.runtime().clock(),
                    describe);
            if (checker.compareAndSet(null, c)) {
                c.start();
            }
        }
    }

    private long probeLeaseMs() {
        Duration t = definition.responseTimeout();
        return t == null ? DEFAULT_PROBE_LEASE_MS : t.toMillis() + 5_000;
    }

    /** The endpoint deadline in ms when its timeout has a response action (fault or discard), else 0. */
    long deadlineMs() {
        if (definition.timeout() == null || definition.timeout().action() == null
                || definition.timeout().action() == TimeoutAction.NEVER) {
            return 0;
        }
        Duration d = definition.responseTimeout();
        return d == null ? 0 : d.toMillis();
    }

    /** True when a timeout ends the attempt silently ({@code responseAction discard}). */
    boolean discardsTimeouts() {
        return definition.timeout() != null && definition.timeout().action() == TimeoutAction.DISCARD;
    }

    /** Whether a group may retry a failure with this code elsewhere ({@code retryConfig}). */
    public boolean retryable(int errorCode) {
        RetryConfig rc = definition.retryConfig();
        if (rc == null) {
            return true;
        }
        if (rc.disabledErrorCodes() != null && rc.disabledErrorCodes().contains(errorCode)) {
            return false;
        }
        return rc.enabledErrorCodes() == null || rc.enabledErrorCodes().isEmpty()
                || rc.enabledErrorCodes().contains(errorCode) || ErrorCode.isNotReady(errorCode);
    }

    String describe() {
        return describe;
    }

    @Override
    public List<EndpointStatus> statuses(String path) {
        return single != null ? List.of(single.status(path, type, null)) : perTarget.statuses(path, type);
    }

    @Override
    public void switchOff() {
        if (single != null) {
            single.switchOff();
        } else {
            perTarget.switchOff();
        }
    }

    @Override
    public void switchOn() {
        if (single != null) {
            single.switchOn();
        } else {
            perTarget.switchOn();
        }
    }
}
