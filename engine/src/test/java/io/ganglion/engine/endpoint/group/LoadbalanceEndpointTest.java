package io.ganglion.engine.endpoint.group;

import static io.ganglion.engine.endpoint.EndpointTesting.endpoint;
import static io.ganglion.engine.endpoint.EndpointTesting.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointTesting.MutableClock;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadbalanceEndpointTest {

    private final MutableClock clock = new MutableClock();
    private final ScriptedSender sender = new ScriptedSender().ok("a:1").ok("b:2").ok("c:3");
    private final MediationHarness harness = new MediationHarness().withSender(sender).withClock(clock);

    private static String child(String host, int weight) {
        return "<endpoint><address uri=\"http://" + host + "/\"><suspendOnFailure><initialDuration>1000"
                + "</initialDuration></suspendOnFailure></address>"
                + (weight > 0 ? "<property name=\"loadbalance.weight\" value=\"" + weight + "\"/>" : "")
                + "</endpoint>";
    }

    private static Endpoint lb(String attributes, String... children) {
        return endpoint("<endpoint name=\"LB\"><loadbalance " + attributes + ">" + String.join("", children)
                + "</loadbalance></endpoint>");
    }

    private Outcome send(Endpoint ep, MessageContext ctx) {
        Outcome o = new Outcome();
        ep.send(ctx, o);
        assertEquals(1, o.calls);
        return o;
    }

    private String get(Endpoint ep) {
        return send(ep, harness.request()).body();
    }

    @Test
    void roundRobinSpreadsEvenly() {
        Endpoint lb = lb("", child("a:1", 0), child("b:2", 0), child("c:3", 0));
        for (int i = 0; i < 9; i++) {
            get(lb);
        }
        assertEquals(3, Collections.frequency(sender.hosts(), "a:1"));
        assertEquals(3, Collections.frequency(sender.hosts(), "b:2"));
        assertEquals(3, Collections.frequency(sender.hosts(), "c:3"));
    }

    @Test
    void weightedRoundRobinFollowsTheWeights() {
        Endpoint lb = lb("algorithm=\"org.apache.synapse.endpoints.algorithms.WeightedRoundRobin\"",
                child("a:1", 1), child("b:2", 3));
        for (int i = 0; i < 40; i++) {
            get(lb);
        }
        assertEquals(10, Collections.frequency(sender.hosts(), "a:1"));
        assertEquals(30, Collections.frequency(sender.hosts(), "b:2"));
        assertEquals(List.of("b:2", "a:1", "b:2", "b:2"), sender.hosts().subList(0, 4), "smooth, not bursts");
    }

    @Test
    void leastActiveRequestsPrefersTheIdleChild() {
        sender.on("a:1", r -> null);
        Endpoint lb = lb("algorithm=\"LeastActiveRequests\"", child("a:1", 0), child("b:2", 0));
        Outcome pending = new Outcome();
        lb.send(harness.request(), pending);
        sender.requests.clear();
        for (int i = 0; i < 4; i++) {
            assertEquals("b:2", get(lb));
        }
        assertEquals(1, ((LoadbalanceEndpoint) lb).activeRequests(0));
    }

    @Test
    void failoverRetriesOnTheNextPick() {
        sender.down("a:1");
        Endpoint lb = lb("", child("a:1", 0), child("b:2", 0));
        assertEquals("b:2", get(lb));
        assertEquals("b:2", get(lb));
        assertEquals(List.of("a:1", "b:2", "b:2"), sender.hosts());
    }

    @Test
    void withoutFailoverTheErrorGoesToTheFaultPath() {
        sender.down("a:1");
        Endpoint lb = lb("failover=\"false\"", child("a:1", 0), child("b:2", 0));
        assertEquals(101503, send(lb, harness.request()).failure().errorCode());
        assertEquals("b:2", get(lb), "a suspended child is still skipped");
    }

    @Test
    void cookieSessionsStickToTheChildThatSetTheCookie() {
        sender.on("a:1", r -> response(200, "a:1", "Set-Cookie", "JSESSIONID=s1; Path=/"))
                .on("b:2", r -> response(200, "b:2", "Set-Cookie", "JSESSIONID=s2; HttpOnly"));
        Endpoint lb = endpoint("<endpoint><session type=\"http\"><sessionTimeout>5000</sessionTimeout></session>"
                + "<loadbalance>" + child("a:1", 0) + child("b:2", 0) + "</loadbalance></endpoint>");
        assertEquals("a:1", get(lb));
        assertEquals("b:2", get(lb));
        for (int i = 0; i < 3; i++) {
            MessageContext ctx = harness.request();
            ctx.setHeaders(new Headers().set("Cookie", "theme=dark; JSESSIONID=s2"));
            assertEquals("b:2", send(lb, ctx).body());
        }
        clock.advance(5001);
        MessageContext expired = harness.request();
        expired.setHeaders(new Headers().set("Cookie", "JSESSIONID=s2"));
        assertEquals("a:1", send(lb, expired).body(), "an expired session is balanced again");
    }

    @Test
    void clientIdSessionsStick() {
        Endpoint lb = endpoint("<endpoint><session type=\"simpleClientSession\"/>"
                + "<loadbalance>" + child("a:1", 0) + child("b:2", 0) + child("c:3", 0) + "</loadbalance></endpoint>");
        MessageContext first = harness.request();
        first.setHeaders(new Headers().set("ClientID", "alice"));
        String bound = send(lb, first).body();
        for (int i = 0; i < 5; i++) {
            MessageContext ctx = harness.request();
            ctx.setHeaders(new Headers().set("ClientID", "alice"));
            assertEquals(bound, send(lb, ctx).body());
        }
    }

    @Test
    void soapClientIdHeaderIsASessionToo() {
        Endpoint lb = endpoint("<endpoint><session type=\"simpleClientSession\"/>"
                + "<loadbalance>" + child("a:1", 0) + child("b:2", 0) + "</loadbalance></endpoint>");
        String soap = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>"
                + "<syn:ClientID xmlns:syn=\"http://ws.apache.org/ns/synapse\">bob</syn:ClientID></s:Header>"
                + "<s:Body><m/></s:Body></s:Envelope>";
        String bound = send(lb, harness.request("text/xml", soap)).body();
        for (int i = 0; i < 3; i++) {
            assertEquals(bound, send(lb, harness.request("text/xml", soap)).body());
        }
    }

    @Test
    void aSessionOnANotReadyChildMovesToAnother() {
        sender.on("a:1", r -> response(200, "a:1", "Set-Cookie", "S=1"));
        Endpoint lb = endpoint("<endpoint><session type=\"http\"/><loadbalance>" + child("a:1", 0) + child("b:2", 0)
                + "</loadbalance></endpoint>");
        get(lb);
        sender.down("a:1");
        MessageContext ctx = harness.request();
        ctx.setHeaders(new Headers().set("Cookie", "S=1"));
        assertEquals(101503, send(lb, ctx).failure().errorCode(), "sessions do not fail over (as Synapse)");
        MessageContext again = harness.request();
        again.setHeaders(new Headers().set("Cookie", "S=1"));
        assertEquals("b:2", send(lb, again).body(), "the suspended child is skipped");
    }

    @Test
    void staticMembersGetTheRequestPath() {
        Endpoint lb = endpoint("<endpoint><loadbalance><member hostName=\"a\" httpPort=\"1\"/>"
                + "<member hostName=\"b\" httpPort=\"2\" httpsPort=\"9443\"/></loadbalance></endpoint>");
        MessageContext ctx = harness.request();
        ctx.setTo("/services/LBService1?x=1");
        send(lb, ctx);
        send(lb, ctx);
        assertEquals("http://a:1/services/LBService1?x=1", sender.requests.get(0).uri().toString());
        assertEquals("http://b:2/services/LBService1?x=1", sender.requests.get(1).uri().toString());
        assertInstanceOf(MemberEndpoint.class, lb.children().get(0));
    }

    @Test
    void algorithmNames() {
        assertEquals(Algorithm.ROUND_ROBIN, Algorithm.fromXml("org.apache.synapse.endpoints.algorithms.RoundRobin"));
        assertEquals(Algorithm.ROUND_ROBIN, Algorithm.fromXml("roundRobin"));
        assertEquals(Algorithm.LEAST_ACTIVE_REQUESTS,
                Algorithm.fromXml("org.apache.synapse.endpoints.algorithms.WeightedRRLCAlgorithm"));
        assertEquals(null, Algorithm.fromXml("com.acme.Magic"));
    }

    @Test
    void configurationErrors() {
        assertError("algorithm=\"com.acme.Magic\"", "unknown load-balance algorithm");
        assertError("algorithm=\"RoundRobin\" policy=\"roundRobin\"", "not both");
        assertError("policy=\"random\"", "must be roundRobin");
        ConfigException weight = assertThrows(ConfigException.class, () -> lb("", "<endpoint><address uri=\"http://a:1/\"/>"
                + "<property name=\"loadbalance.weight\" value=\"heavy\"/></endpoint>"));
        assertTrue(weight.getMessage().contains("whole number"), weight.getMessage());
        ConfigException mixed = assertThrows(ConfigException.class, () -> lb("", child("a:1", 0),
                "<member hostName=\"b\" httpPort=\"2\"/>"));
        assertTrue(mixed.getMessage().contains("not both"), mixed.getMessage());
        ConfigException session = assertThrows(ConfigException.class, () -> endpoint(
                "<endpoint><session type=\"http\"/><failover>" + child("a:1", 0) + "</failover></endpoint>"));
        assertTrue(session.getMessage().contains("<session> goes with <loadbalance> only"), session.getMessage());
    }

    private static void assertError(String attributes, String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> lb(attributes, child("a:1", 0)));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
