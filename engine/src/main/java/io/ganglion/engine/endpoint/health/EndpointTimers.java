package io.ganglion.engine.endpoint.health;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for endpoint deadlines and health checks, created on first use. Tasks only
 * claim an outcome and hand work on, so one thread is enough. Thread-safe.
 */
public final class EndpointTimers {

    private static final class Holder {
        static final ScheduledExecutorService TIMER = create();
    }

    private EndpointTimers() {}

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ganglion-endpoint-timer");
            t.setDaemon(true);
            return t;
        });
        // Cancelled deadlines (the common case: the response came first) must not pile up.
        ex.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(ex);
    }

    /** Runs {@code task} once after {@code delayMs}. */
    public static ScheduledFuture<?> schedule(Runnable task, long delayMs) {
        return Holder.TIMER.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code periodMs}, first after {@code initialDelayMs}. */
    public static ScheduledFuture<?> every(Runnable task, long initialDelayMs, long periodMs) {
        return Holder.TIMER.scheduleWithFixedDelay(task, initialDelayMs, periodMs, TimeUnit.MILLISECONDS);
    }
}
