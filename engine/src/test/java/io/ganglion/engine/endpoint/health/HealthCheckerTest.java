package io.ganglion.engine.endpoint.health;

import static io.ganglion.engine.endpoint.EndpointTesting.endpoint;
import static io.ganglion.engine.endpoint.EndpointTesting.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointTesting;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.Sender;
import io.ganglion.engine.testing.MediationHarness;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class HealthCheckerTest {

    /** Live traffic fails; the health path answers as {@code healthy} says. Thread-safe. */
    private static final class Backend implements Sender {
        final List<String> paths = new CopyOnWriteArrayList<>();
        volatile boolean healthy;
        volatile boolean live;

        @Override
        public void send(OutboundRequest request, SendCallback callback) {
            String path = request.uri().getPath();
            paths.add(path);
            boolean ok = path.equals("/health") ? healthy : live;
            if (ok) {
                callback.onResponse(response(200, "ok"));
            } else if (path.equals("/health")) {
                callback.onResponse(response(503, "down"));
            } else {
                callback.onFailure(EndpointTesting.failure(101503));
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void checksBringASuspendedEndpointBackWithoutLiveTraffic() throws InterruptedException {
        Backend backend = new Backend();
        MediationHarness harness = new MediationHarness().withSender(backend);
        Endpoint ep = endpoint("<endpoint name=\"E\"><address uri=\"http://h:1/api\"><healthCheck path=\"/health\""
                + " interval=\"20\" healthyThreshold=\"2\" unhealthyThreshold=\"2\"/></address></endpoint>");
        Outcome o = new Outcome();
        ep.send(harness.request(), o);
        assertEquals(101503, o.failure().errorCode());
        assertEquals(EndpointState.SUSPENDED, EndpointTesting.status(ep).state());
        backend.live = true;
        Outcome refused = new Outcome();
        ep.send(harness.request(), refused);
        assertEquals(303001, refused.failure().errorCode(), "suspended: no live probe while checks run");
        backend.healthy = true;
        await(() -> EndpointTesting.status(ep).state() == EndpointState.ACTIVE);
        Outcome ok = new Outcome();
        ep.send(harness.request(), ok);
        assertTrue(ok.result.getNow(null) instanceof InboundResponse);
        backend.healthy = false;
        await(() -> EndpointTesting.status(ep).state() == EndpointState.SUSPENDED);
        assertTrue(EndpointTesting.status(ep).lastErrorMessage().contains("answered 503"));
    }
}
