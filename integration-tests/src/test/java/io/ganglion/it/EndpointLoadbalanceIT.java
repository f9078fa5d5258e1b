package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.it.ScriptedBackend.Answer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Load-balance groups against real backends on loopback. */
class EndpointLoadbalanceIT {

    private static String child(ScriptedBackend b, int weight) {
        return "<endpoint><address uri=\"" + b.url("/svc") + "\"/>"
                + (weight > 0 ? "<property name=\"loadbalance.weight\" value=\"" + weight + "\"/>" : "") + "</endpoint>";
    }

    private static TestRepo repo(String endpointXml) {
        return EndpointFailoverIT.api(TestRepo.create(), "lb", "LB").endpoint("LB", endpointXml);
    }

    @Test
    void roundRobinSpreadsEvenlyAndWeightsAreHonoured() {
        try (ScriptedBackend a = ScriptedBackend.named("a"); ScriptedBackend b = ScriptedBackend.named("b");
                ScriptedBackend c = ScriptedBackend.named("c")) {
            TestRepo repo = repo("<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"LB\"><loadbalance>"
                    + child(a, 0) + child(b, 0) + child(c, 0) + "</loadbalance></endpoint>");
            EndpointFailoverIT.api(repo, "weighted", "W").endpoint("W",
                    "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"W\"><loadbalance algorithm=\""
                            + "org.apache.synapse.endpoints.algorithms.WeightedRoundRobin\">" + child(a, 1) + child(b, 3)
                            + "</loadbalance></endpoint>");
            try (Gateway gw = Gateway.start(repo)) {
                for (int i = 0; i < 30; i++) {
                    assertEquals(200, Http.get(gw.url("/lb")).statusCode());
                }
                assertEquals(List.of(10, 10, 10), List.of(a.count(), b.count(), c.count()));
                a.requests.clear();
                b.requests.clear();
                for (int i = 0; i < 40; i++) {
                    assertEquals(200, Http.get(gw.url("/weighted")).statusCode());
                }
                assertTrue(Math.abs(a.count() - 10) <= 2, "a got " + a.count() + " of 40 at weight 1:3");
                assertTrue(Math.abs(b.count() - 30) <= 2, "b got " + b.count() + " of 40 at weight 3:1");
            }
        }
    }

    @Test
    void aDownChildIsFailedOverAndThenSkipped() {
        int down = Ports.closed();
        try (ScriptedBackend a = ScriptedBackend.named("a")) {
            TestRepo repo = repo("<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"LB\"><loadbalance>"
                    + "<endpoint><address uri=\"http://127.0.0.1:" + down + "/svc\"/></endpoint>" + child(a, 0)
                    + "</loadbalance></endpoint>");
            try (Gateway gw = Gateway.start(repo)) {
                for (int i = 0; i < 6; i++) {
                    HttpResponse<String> r = Http.get(gw.url("/lb"));
                    assertEquals("a", r.body());
                }
                assertEquals(6, a.count());
            }
        }
    }

    @Test
    void cookieSessionsStayOnTheirBackend() {
        try (ScriptedBackend a = cookieSetter("a"); ScriptedBackend b = cookieSetter("b")) {
            TestRepo repo = repo("<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"LB\">"
                    + "<session type=\"http\"><sessionTimeout>60000</sessionTimeout></session><loadbalance>"
                    + child(a, 0) + child(b, 0) + "</loadbalance></endpoint>");
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> first = Http.get(gw.url("/lb"));
                String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                HttpResponse<String> other = Http.get(gw.url("/lb"));
                assertNotEquals(first.body(), other.body(), "a new client is balanced");
                for (int i = 0; i < 6; i++) {
                    HttpResponse<String> r = Http.get(gw.url("/lb"), "Cookie", cookie);
                    assertEquals(first.body(), r.body(), "request " + i + " with " + cookie);
                }
            }
        }
    }

    private static ScriptedBackend cookieSetter(String name) {
        return ScriptedBackend.start(name, r -> r.header("Cookie") == null
                ? Answer.ok(name).header("Set-Cookie", "JSESSIONID=" + name + "-" + System.nanoTime() + "; Path=/")
                : Answer.ok(name));
    }

    @Test
    void clientIdSessionsStayOnTheirBackend() {
        try (ScriptedBackend a = ScriptedBackend.named("a"); ScriptedBackend b = ScriptedBackend.named("b")) {
            TestRepo repo = repo("<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"LB\">"
                    + "<session type=\"simpleClientSession\"/><loadbalance>" + child(a, 0) + child(b, 0)
                    + "</loadbalance></endpoint>");
            try (Gateway gw = Gateway.start(repo)) {
                List<String> alice = new ArrayList<>();
                List<String> bob = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    alice.add(Http.get(gw.url("/lb"), "ClientID", "alice").body());
                    bob.add(Http.get(gw.url("/lb"), "ClientID", "bob").body());
                }
                assertEquals(1, alice.stream().distinct().count(), alice.toString());
                assertEquals(1, bob.stream().distinct().count(), bob.toString());
                assertNotEquals(alice.get(0), bob.get(0));
            }
        }
    }
}
