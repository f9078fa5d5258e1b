package io.ganglion.engine.endpoint.indirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.RecordingSender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndirectEndpointTest {

    private final RecordingSender sender = new RecordingSender();
    private final List<SendFailure> failures = new ArrayList<>();
    private final SendCallback callback = new SendCallback() {
        @Override
        public void onResponse(InboundResponse response) {}

        @Override
        public void onFailure(SendFailure failure) {
            failures.add(failure);
        }
    };

    static Endpoint endpoint(String xml) {
        ReadContext ctx = ReadContext.forText("ep.xml", xml.replace("<endpoint ",
                "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" "));
        return ctx.endpoint(ctx.root());
    }

    private MediationHarness harness(Configuration config) {
        return new MediationHarness(config).withSender(sender);
    }

    @Test
    void resolvesTheTargetInTheMessagesConfiguration() {
        Endpoint ref = endpoint("<endpoint key=\"Quote\"/>");
        Configuration v1 = Configuration.builder()
                .endpoint("Quote", endpoint("<endpoint name=\"Quote\"><address uri=\"http://one/svc\"/></endpoint>"))
                .build();
        Configuration v2 = Configuration.builder()
                .endpoint("Quote", endpoint("<endpoint name=\"Quote\"><address uri=\"http://two/svc\"/></endpoint>"))
                .build();
        ref.send(harness(v1).request("application/json", "{}"), callback);
        ref.send(harness(v2).request("application/json", "{}"), callback);
        assertEquals("http://one/svc", sender.sent.get(0).request().uri().toString());
        assertEquals("http://two/svc", sender.sent.get(1).request().uri().toString());
        assertTrue(failures.isEmpty());
    }

    @Test
    void aMissingTargetFailsWith305100() {
        Endpoint ref = endpoint("<endpoint key=\"Gone\"/>");
        ref.send(harness(Configuration.builder().build()).request(), callback);
        assertEquals(1, failures.size());
        assertEquals(305100, failures.get(0).errorCode());
        assertEquals("endpoint 'Gone' is not deployed", failures.get(0).message());
        assertNull(failures.get(0).cause());
        assertTrue(sender.sent.isEmpty());
    }

    @Test
    void aReferenceCycleFailsInsteadOfLooping() {
        Configuration cfg = Configuration.builder()
                .endpoint("A", endpoint("<endpoint name=\"A\" key=\"B\"/>"))
                .endpoint("B", endpoint("<endpoint name=\"B\" key=\"A\"/>"))
                .build();
        MessageContext ctx = harness(cfg).request();
        endpoint("<endpoint key=\"A\"/>").send(ctx, callback);
        assertEquals(1, failures.size());
        assertEquals(305100, failures.get(0).errorCode());
        assertTrue(failures.get(0).message().contains("reference cycle"), failures.get(0).message());
        assertNull(ctx.getProperty("__GANGLION_ENDPOINT_HOPS__"), "no bookkeeping left on the message");
    }

    @Test
    void keyExpressionPicksTheEndpointPerMessage() {
        Configuration cfg = Configuration.builder()
                .endpoint("Fast", endpoint("<endpoint name=\"Fast\"><address uri=\"http://fast/\"/></endpoint>"))
                .build();
        Endpoint ep = endpoint("<endpoint key-expression=\"//route\"/>");
        MediationHarness h = harness(cfg);
        ep.send(h.request("application/xml", "<req><route>Fast</route></req>"), callback);
        assertEquals("http://fast/", sender.only().uri().toString());
        ep.send(h.request("application/xml", "<req><route>Slow</route></req>"), callback);
        ep.send(h.request("application/xml", "<req/>"), callback);
        assertEquals(2, failures.size());
        assertEquals("endpoint 'Slow' is not deployed", failures.get(0).message());
        assertEquals(305100, failures.get(1).errorCode());
        assertTrue(ep.readsBody());
    }
}
