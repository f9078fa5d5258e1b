package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.runtime.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The messages collected so far for one group of an {@link AggregateMediator}. Completes exactly
 * once, by count or by timeout, whichever comes first. Thread-safe: every method locks the object.
 */
final class Aggregation {

    /**
     * Fires aggregate timeouts for every aggregate mediator. The tasks only hand the merged message
     * to the runtime's workers, so one daemon thread is enough; shared so that idle aggregates cost
     * no thread.
     */
    static final ScheduledExecutorService TIMER = timer();

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "ganglion-aggregate-timer");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(t);
    }

    private final List<MessageContext> messages = new ArrayList<>();
    private boolean completed;
    private ScheduledFuture<?> timeout;
    private Exchange held;

    /**
     * Adds a message unless the group has completed already.
     *
     * @return false when the group is complete (the message arrived late)
     */
    synchronized boolean add(MessageContext ctx) {
        if (completed) {
            return false;
        }
        messages.add(ctx);
        return true;
    }

    /** Called once, with the first message: keeps the exchange open and arms the timeout. */
    synchronized void start(Exchange exchange, long timeoutMillis, Runnable onTimeout) {
        if (completed || timeout != null || timeoutMillis <= 0) {
            return;
        }
        // The exchange must not be finished (answered 202) while messages wait here for the timer.
        exchange.begin();
        held = exchange;
        timeout = TIMER.schedule(onTimeout, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    synchronized int size() {
        return messages.size();
    }

    synchronized MessageContext first() {
        return messages.isEmpty() ? null : messages.get(0);
    }

    /**
     * Marks the group complete and hands over its messages; null when it had completed already.
     * Releases the exchange hold taken by {@link #start}.
     */
    synchronized List<MessageContext> complete() {
        if (completed) {
            return null;
        }
        completed = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (held != null) {
            // The caller starts the onComplete run right after, which opens a new activity.
            held.end();
            held = null;
        }
        List<MessageContext> taken = List.copyOf(messages);
        messages.clear(); // a completed group may be remembered for a while; its messages need not be
        return taken;
    }
}
