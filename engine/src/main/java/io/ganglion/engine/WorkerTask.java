package io.ganglion.engine;

import io.ganglion.engine.message.MessageContext;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;

/**
 * One piece of mediation run by a worker, and the sends and calls it makes: those are collected and
 * started only when the task's mediation is over. A send's callback runs on another thread, so this
 * guarantees that a response is never mediated while the request's sequence is still changing the
 * same message, and that a {@code call}'s response never resumes a flow whose continuations are
 * still being recorded. Per thread: tasks nest (a task run inline inside another joins it).
 */
final class WorkerTask {

    private static final ThreadLocal<WorkerTask> CURRENT = ThreadLocal.withInitial(WorkerTask::new);

    private final ArrayDeque<MessageContext> owners = new ArrayDeque<>();
    private final ArrayDeque<Runnable> sends = new ArrayDeque<>();
    private int depth;

    private WorkerTask() {}

    /**
     * Runs {@code work} as a task, then starts the sends it deferred, in order. A send that throws
     * instead of starting is reported to {@code failed} with the message it belonged to.
     */
    static void run(Runnable work, BiConsumer<MessageContext, Throwable> failed) {
        WorkerTask t = CURRENT.get();
        t.depth++;
        try {
            work.run();
        } finally {
            if (--t.depth == 0) {
                // Sends made while flushing (by a fault sequence) join this flush.
                t.depth = 1;
                try {
                    t.flush(failed);
                } finally {
                    t.depth = 0;
                }
            }
        }
    }

    /** Defers {@code send} to the end of the current task, or runs it at once outside any task. */
    static void defer(MessageContext owner, Runnable send) {
        WorkerTask t = CURRENT.get();
        if (t.depth == 0) {
            send.run();
            return;
        }
        t.owners.add(owner);
        t.sends.add(send);
    }

    private void flush(BiConsumer<MessageContext, Throwable> failed) {
        Runnable send;
        while ((send = sends.poll()) != null) {
            MessageContext owner = owners.poll();
            try {
                send.run();
            } catch (Throwable e) {
                failed.accept(owner, e);
            }
        }
    }
}
