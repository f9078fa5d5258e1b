package io.ganglion.engine.testing;

import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.Sender;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sender} that records requests and their callbacks instead of sending. Not thread-safe. */
public final class RecordingSender implements Sender {

    /** One recorded send. */
    public record Sent(OutboundRequest request, SendCallback callback) {}

    public final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(OutboundRequest request, SendCallback callback) {
        sent.add(new Sent(request, callback));
    }

    /** The only request sent; fails when there was not exactly one. */
    public OutboundRequest only() {
        if (sent.size() != 1) {
            throw new AssertionError("expected one request, got " + sent.size());
        }
        return sent.get(0).request();
    }
}
