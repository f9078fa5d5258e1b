package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.Test;

class InOutMediatorTest {

    private final MediationHarness harness = new MediationHarness();
    private final Mediator in = read("<in><property name=\"dir\" value=\"in\"/><drop/></in>");
    private final Mediator out = read("<out><property name=\"dir\" value=\"out\"/><drop/></out>");

    @Test
    void inRunsOnlyForRequests() {
        MessageContext req = harness.request();
        assertFalse(in.mediate(req));
        assertEquals("in", req.getProperty("dir"));
        MessageContext resp = harness.request();
        resp.setResponse(true);
        assertTrue(in.mediate(resp));
        assertNull(resp.getProperty("dir"));
    }

    @Test
    void outRunsOnlyForResponses() {
        MessageContext req = harness.request();
        assertTrue(out.mediate(req));
        assertNull(req.getProperty("dir"));
        MessageContext resp = harness.request();
        resp.setProperty(StandardProperties.RESPONSE, "true");
        assertFalse(out.mediate(resp));
        assertEquals("out", resp.getProperty("dir"));
    }

    @Test
    void roundTrips() {
        assertRoundTrip("<in><log/><send/></in>");
        assertRoundTrip("<out><send/></out>");
        assertRoundTrip("<in/>");
    }
}
