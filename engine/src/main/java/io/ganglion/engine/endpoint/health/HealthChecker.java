package io.ganglion.engine.endpoint.health;

import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.OutboundRequest.SendOptions;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.spi.Sender;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one endpoint's {@link HealthCheck} on the shared endpoint timer. It holds the endpoint's
 * health weakly, so a configuration that was replaced (and is no longer used) stops its checks.
 * One check is in flight at a time. Thread-safe: counters are confined to the check sequence.
 */
public final class HealthChecker {

    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

    private final HealthCheck check;
    private final WeakReference<EndpointHealth> health;
    private final URI url;
    private final Sender sender;
    private final Clock clock;
    private final String what;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;
    private int successes;
    private int failures;

    /**
     * @param target any URL of the endpoint: its scheme, host and port are checked
     */
    public HealthChecker(HealthCheck check, EndpointHealth health, URI target, Sender sender, Clock clock,
            String what) {
        this.check = check;
        this.health = new WeakReference<>(health);
        this.url = URI.create(target.getScheme() + "://" + target.getRawAuthority() + check.path());
        this.sender = sender;
        this.clock = clock;
        this.what = what;
    }

    /** Starts checking; the first check runs at once. */
    public void start() {
        task = EndpointTimers.every(this::tick, 0, check.intervalMs());
    }

    /** Stops checking. */
    public void stop() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void tick() {
        if (health.get() == null) {
            stop();
            return;
        }
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        OutboundRequest req = new OutboundRequest("GET", url, new Headers(), OutboundBody.NONE,
                new SendOptions(Duration.ofMillis(check.timeoutMs()), false, true));
        try {
            sender.send(req, new SendCallback() {
                @Override
                public void onResponse(InboundResponse response) {
                    response.body().discard();
                    if (response.status() < 400) {
                        passed();
                    } else {
                        failed(0, "health check " + url + " answered " + response.status());
                    }
                }

                @Override
                public void onFailure(SendFailure failure) {
                    failed(failure.errorCode(), "health check " + url + " failed: " + failure.message());
                }
            });
        } catch (RuntimeException e) {
            failed(0, "health check " + url + " could not be sent: " + e);
        }
    }

    private synchronized void passed() {
        inFlight.set(false);
        failures = 0;
        successes++;
        EndpointHealth h = health.get();
        if (h != null && successes >= check.healthyThreshold() && h.state() != EndpointState.ACTIVE
                && h.state() != EndpointState.OFF) {
            LOG.info("{} is healthy again ({} checks passed)", what, successes);
            h.markHealthy();
        }
    }

    private synchronized void failed(int code, String message) {
        inFlight.set(false);
        successes = 0;
        failures++;
        EndpointHealth h = health.get();
        if (h != null && failures >= check.unhealthyThreshold() && (h.state() == EndpointState.ACTIVE
                || h.state() == EndpointState.TIMEOUT)) {
            LOG.warn("{} is unhealthy: {}", what, message);
            h.markUnhealthy(code, message, clock.millis());
        }
    }
}
