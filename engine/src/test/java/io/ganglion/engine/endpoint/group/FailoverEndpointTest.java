package io.ganglion.engine.endpoint.group;

import static io.ganglion.engine.endpoint.EndpointTesting.endpoint;
import static io.ganglion.engine.endpoint.EndpointTesting.failure;
import static io.ganglion.engine.endpoint.EndpointTesting.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointTesting.MutableClock;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.testing.MediationHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverEndpointTest {

    private final MutableClock clock = new MutableClock();
    private final ScriptedSender sender = new ScriptedSender();
    private final MediationHarness harness = new MediationHarness().withSender(sender).withClock(clock);

    /** A failover over a:1, b:2 (and c:3) that suspend for 1 s on any error. */
    private static Endpoint failover(String attributes, String... hosts) {
        StringBuilder sb = new StringBuilder("<endpoint name=\"FO\"><failover " + attributes + ">");
        for (String h : hosts) {
            sb.append("<endpoint><address uri=\"http://").append(h).append("/svc\">")
                    .append("<suspendOnFailure><initialDuration>1000</initialDuration></suspendOnFailure>")
                    .append("</address></endpoint>");
        }
        return endpoint(sb.append("</failover></endpoint>").toString());
    }

    private Outcome send(Endpoint ep, MessageContext ctx) {
        Outcome o = new Outcome();
        ep.send(ctx, o);
        assertEquals(1, o.calls, "exactly one outcome");
        return o;
    }

    private Outcome get(Endpoint ep) {
        return send(ep, harness.request());
    }

    @Test
    void primaryDownGoesToTheBackupAndIsThenSkipped() {
        sender.down("a:1").ok("b:2");
        Endpoint fo = failover("", "a:1", "b:2");
        assertEquals("b:2", get(fo).body());
        assertEquals(List.of("a:1", "b:2"), sender.hosts());
        sender.requests.clear();
        assertEquals("b:2", get(fo).body());
        assertEquals(List.of("b:2"), sender.hosts(), "the suspended primary is skipped without a request");
    }

    @Test
    void bothDownGives303000WithTheLastError() {
        Endpoint fo = failover("", "a:1", "b:2");
        Outcome o = get(fo);
        assertEquals(303000, o.failure().errorCode());
        assertTrue(o.failure().message().contains("101503"), o.failure().message());
        sender.requests.clear();
        assertEquals(303000, get(fo).failure().errorCode());
        assertEquals(List.of(), sender.hosts(), "both suspended: no ready child, no request");
    }

    @Test
    void dynamicFailoverReturnsToThePrimaryOnceItRecovers() {
        sender.down("a:1").ok("b:2");
        Endpoint fo = failover("", "a:1", "b:2");
        get(fo);
        sender.ok("a:1");
        assertEquals("b:2", get(fo).body(), "still suspended");
        clock.advance(1000);
        assertEquals("a:1", get(fo).body(), "the first message after the suspension probes the primary");
        assertEquals("a:1", get(fo).body());
    }

    @Test
    void staticFailoverStaysOnTheBackupUntilItFails() {
        sender.down("a:1").ok("b:2");
        Endpoint fo = failover("dynamic=\"false\"", "a:1", "b:2");
        get(fo);
        sender.ok("a:1");
        clock.advance(5000);
        assertEquals("b:2", get(fo).body());
        assertEquals("b:2", get(fo).body());
        sender.down("b:2");
        assertEquals("a:1", get(fo).body(), "the backup failed: back to the first ready child");
        sender.ok("b:2");
        clock.advance(5000);
        assertEquals("a:1", get(fo).body());
    }

    @Test
    void disabledErrorCodesDoNotFailOver() {
        sender.on("a:1", r -> failure(101504)).ok("b:2");
        Endpoint fo = endpoint("<endpoint><failover><endpoint><address uri=\"http://a:1/\">"
                + "<retryConfig><disabledErrorCodes>101504</disabledErrorCodes></retryConfig></address></endpoint>"
                + "<endpoint><address uri=\"http://b:2/\"/></endpoint></failover></endpoint>");
        assertEquals(101504, get(fo).failure().errorCode());
        assertEquals(List.of("a:1"), sender.hosts());
    }

    @Test
    void enabledErrorCodesAreTheOnlyOnesThatFailOver() {
        sender.on("a:1", r -> failure(101505)).ok("b:2");
        Endpoint fo = endpoint("<endpoint><failover><endpoint><address uri=\"http://a:1/\">"
                + "<retryConfig><enabledErrorCodes>101503</enabledErrorCodes></retryConfig></address></endpoint>"
                + "<endpoint><address uri=\"http://b:2/\"/></endpoint></failover></endpoint>");
        assertEquals(101505, get(fo).failure().errorCode());
        sender.requests.clear();
        Endpoint fo2 = endpoint("<endpoint><failover><endpoint><address uri=\"http://c:3/\">"
                + "<retryConfig><enabledErrorCodes>101503</enabledErrorCodes></retryConfig></address></endpoint>"
                + "<endpoint><address uri=\"http://b:2/\"/></endpoint></failover></endpoint>");
        assertEquals("b:2", get(fo2).body());
    }

    @Test
    void postIsRetriedAfterAConnectFailureWithTheSameBody() {
        sender.down("a:1").ok("b:2");
        Endpoint fo = failover("", "a:1", "b:2");
        MessageContext ctx = harness.request("application/json", "{\"order\":42}");
        assertEquals("b:2", send(fo, ctx).body());
        assertEquals("{\"order\":42}", sender.body(0));
        assertEquals("{\"order\":42}", sender.body(1));
        assertInstanceOf(OutboundBody.Relay.class, sender.requests.get(1).body());
    }

    @Test
    void postIsNotReplayedAfterATimeout() {
        sender.on("a:1", r -> failure(101504)).ok("b:2");
        Endpoint fo = failover("", "a:1", "b:2");
        assertEquals(101504, send(fo, harness.request("application/json", "{}")).failure().errorCode());
        assertEquals(List.of("a:1"), sender.hosts());
    }

    @Test
    void getIsRetriedAfterATimeout() {
        sender.on("a:1", r -> failure(101504)).ok("b:2");
        assertEquals("b:2", get(failover("", "a:1", "b:2")).body());
    }

    @Test
    void retryNonIdempotentAllowsOtherErrorsButNeverTimeouts() {
        sender.on("a:1", r -> failure(101505)).on("c:3", r -> failure(101504)).ok("b:2");
        Endpoint fo = failover("retryNonIdempotent=\"true\"", "a:1", "b:2");
        assertEquals("b:2", send(fo, harness.request("application/json", "{}")).body());
        Endpoint fo2 = failover("retryNonIdempotent=\"true\"", "c:3", "b:2");
        assertEquals(101504, send(fo2, harness.request("application/json", "{}")).failure().errorCode());
    }

    @Test
    void maxRetriesBoundsTheAttempts() {
        Endpoint fo = failover("maxRetries=\"1\"", "a:1", "b:2", "c:3");
        Outcome o = get(fo);
        assertEquals(303000, o.failure().errorCode());
        assertEquals(List.of("a:1", "b:2"), sender.hosts());
        assertTrue(o.failure().message().contains("2 attempts"), o.failure().message());
    }

    @Test
    void statusFailoverIsOptIn() {
        sender.on("a:1", r -> response(503, "busy")).ok("b:2");
        assertEquals(503, get(failover("", "a:1", "b:2")).response().status());
        sender.requests.clear();
        assertEquals("b:2", get(failover("failoverOnStatus=\"502,503\"", "a:1", "b:2")).body());
        assertEquals(List.of("a:1", "b:2"), sender.hosts());
    }

    @Test
    void theLastStatusAnswerGoesBackWhenNoChildIsLeft() {
        sender.on("a:1", r -> response(503, "a busy")).on("b:2", r -> response(502, "b bad"));
        Outcome o = get(failover("failoverOnStatus=\"502,503\"", "a:1", "b:2"));
        assertEquals(502, o.response().status());
        assertEquals("b bad", o.body());
    }

    @Test
    void aBodyOverTheReplayBufferIsNotSent() {
        Endpoint fo = failover("replayBufferSize=\"4\"", "a:1", "b:2");
        Outcome o = send(fo, harness.request("application/json", "{\"too\":\"big\"}"));
        assertEquals(303010, o.failure().errorCode());
        assertTrue(o.failure().message().contains("replay buffer"), o.failure().message());
        assertEquals(List.of(), sender.hosts());
    }

    @Test
    void aSingleAttemptGroupPassesTheChildErrorOn() {
        Outcome o = get(failover("maxRetries=\"0\"", "a:1", "b:2"));
        assertEquals(101503, o.failure().errorCode());
    }

    @Test
    void nestedGroupsFailOverAsAWhole() {
        sender.ok("c:3");
        Endpoint fo = endpoint("<endpoint><failover>"
                + "<endpoint><failover><endpoint><address uri=\"http://a:1/\"/></endpoint>"
                + "<endpoint><address uri=\"http://b:2/\"/></endpoint></failover></endpoint>"
                + "<endpoint><address uri=\"http://c:3/\"/></endpoint></failover></endpoint>");
        assertEquals("c:3", get(fo).body());
        assertEquals(List.of("a:1", "b:2", "c:3"), sender.hosts());
    }

    @Test
    void theSendMethodIsTheRequestMethod() {
        sender.ok("b:2");
        MessageContext ctx = harness.request();
        ctx.setAxis2Property(StandardProperties.HTTP_METHOD, "DELETE");
        send(failover("", "a:1", "b:2"), ctx);
        assertEquals("DELETE", sender.requests.get(1).method());
    }
}
