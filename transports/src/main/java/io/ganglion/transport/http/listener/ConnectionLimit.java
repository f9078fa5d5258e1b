package io.ganglion.transport.http.listener;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.reactor.IOSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the client connections open at once: one over the limit is closed as soon as it is
 * accepted (before TLS or any byte is read), with a warning at most once a second.
 * Thread-safe: atomics only.
 */
final class ConnectionLimit implements IOSessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong lastWarning = new AtomicLong();

    ConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void connected(IOSession session) {
        if (open.incrementAndGet() > max) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last > 1_000_000_000L && lastWarning.compareAndSet(last, now)) {
                LOG.warn("{} client connections are open, the most allowed (listener.max_connections); "
                        + "closing new ones", max);
            }
            session.close(CloseMode.IMMEDIATE);
        }
    }

    @Override
    public void disconnected(IOSession session) {
        open.decrementAndGet();
    }

    @Override
    public void startTls(IOSession session) {}

    @Override
    public void inputReady(IOSession session) {}

    @Override
    public void outputReady(IOSession session) {}

    @Override
    public void timeout(IOSession session) {}

    @Override
    public void exception(IOSession session, Exception ex) {}
}
