package io.ganglion.engine.endpoint.group;

import static io.ganglion.engine.endpoint.EndpointTesting.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.endpoint.address.AddressEndpoint;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.Test;

class RecipientListEndpointTest {

    private final MediationHarness harness = new MediationHarness().withSender(new ScriptedSender());

    @Test
    void everyChildGetsACopyTaggedLikeClone() {
        Endpoint rl = endpoint("<endpoint><recipientlist><endpoint><address uri=\"http://a:1/\"/></endpoint>"
                + "<endpoint><address uri=\"http://b:2/\"/></endpoint></recipientlist></endpoint>");
        MessageContext ctx = harness.request("application/json", "{}");
        Outcome o = new Outcome();
        rl.send(ctx, o);
        assertEquals(2, harness.sent.size());
        assertSame(rl.children().get(0), harness.sent.get(0).endpoint());
        assertSame(rl.children().get(1), harness.sent.get(1).endpoint());
        MessageContext first = harness.sent.get(0).ctx();
        assertNotSame(ctx, first);
        assertEquals(ctx.getMessageId(), first.getProperty("aggregateCorelation"));
        assertEquals("1/2", harness.sent.get(1).ctx().getProperty("messageSequence"));
        assertEquals(0, o.calls, "the original send ends without an outcome of its own");
    }

    @Test
    void dynamicListsAreEvaluatedPerMessageAndCached() {
        Endpoint rl = endpoint("<endpoint><recipientlist><endpoints value=\"{get-property('targets')}\"/>"
                + "</recipientlist></endpoint>");
        MessageContext ctx = harness.request();
        ctx.setProperty("targets", "http://a:1/x, http://b:2/y,not-a-url");
        rl.send(ctx, new Outcome());
        assertEquals(2, harness.sent.size());
        assertEquals("http://b:2/y", ((AddressEndpoint) harness.sent.get(1).endpoint()).uri());
        rl.send(ctx, new Outcome());
        assertSame(harness.sent.get(0).endpoint(), harness.sent.get(2).endpoint(), "cached with its health");
    }

    @Test
    void noRecipientsIs303000() {
        Endpoint rl = endpoint("<endpoint><recipientlist><endpoints value=\"{get-property('none')}\"/>"
                + "</recipientlist></endpoint>");
        Outcome o = new Outcome();
        rl.send(harness.request(), o);
        assertEquals(303000, o.failure().errorCode());
        assertTrue(o.failure().message().contains("no recipients"));
    }
}
