package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.it.ScriptedBackend.Answer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Failover groups against real backends on loopback that the tests start, stop and slow down. */
class EndpointFailoverIT {

    /** An API at /{name} that sends to the endpoint {@code ep} and answers faults with ERROR_CODE. */
    static TestRepo api(TestRepo repo, String name, String ep) {
        return repo.api(name, """
                <api xmlns="http://ws.apache.org/ns/synapse" name="%1$s" context="/%1$s">
                  <resource methods="GET POST">
                    <inSequence><send><endpoint key="%2$s"/></send></inSequence>
                    <outSequence><send/></outSequence>
                    <faultSequence>
                      <payloadFactory media-type="xml">
                        <format><fault><code>$1</code></fault></format>
                        <args><arg expression="get-property('ERROR_CODE')"/></args>
                      </payloadFactory>
                      <property name="HTTP_SC" value="503" scope="axis2"/>
                      <respond/>
                    </faultSequence>
                  </resource>
                </api>""".formatted(name, ep));
    }

    /** A leaf that suspends for {@code suspendMs} on any error. */
    static String leaf(String url, long suspendMs, String extra) {
        return "<endpoint><address uri=\"" + url + "\">" + extra + "<suspendOnFailure><initialDuration>" + suspendMs
                + "</initialDuration><progressionFactor>1</progressionFactor></suspendOnFailure></address></endpoint>";
    }

    static String failover(String name, String attributes, String... children) {
        return "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"" + name + "\"><failover " + attributes + ">"
                + String.join("", children) + "</failover></endpoint>";
    }

    static String backendOf(HttpResponse<String> r) {
        return r.headers().firstValue("X-Backend").orElse("none");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void primaryDownGoesToTheBackupAndBothDownReachTheFaultSequence() {
        int primary = Ports.closed();
        try (ScriptedBackend backup = ScriptedBackend.named("backup")) {
            TestRepo repo = api(TestRepo.create(), "fo", "FO").endpoint("FO", failover("FO", "",
                    leaf("http://127.0.0.1:" + primary + "/svc", 30_000, ""), leaf(backup.url("/svc"), 30_000, "")));
            try (Gateway gw = Gateway.start(repo)) {
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> r = Http.get(gw.url("/fo"));
                    assertEquals(200, r.statusCode(), r.body());
                    assertEquals("backup", r.body());
                }
                assertEquals(3, backup.count());
                backup.close();
                HttpResponse<String> down = Http.get(gw.url("/fo"));
                assertEquals(503, down.statusCode());
                assertTrue(down.body().contains("<code>303000</code>"), down.body());
            }
        }
    }

    @Test
    void dynamicFailoverReturnsToTheRecoveredPrimary() {
        int port = Ports.closed();
        try (ScriptedBackend backup = ScriptedBackend.named("backup")) {
            TestRepo repo = api(TestRepo.create(), "fo", "FO").endpoint("FO", failover("FO", "",
                    leaf("http://127.0.0.1:" + port + "/svc", 400, ""), leaf(backup.url("/svc"), 400, "")));
            try (Gateway gw = Gateway.start(repo)) {
                assertEquals("backup", Http.get(gw.url("/fo")).body());
                try (ScriptedBackend primary = ScriptedBackend.startOn("primary", port, r -> Answer.ok("primary"))) {
                    assertEquals("backup", Http.get(gw.url("/fo")).body(), "the primary is still suspended");
                    sleep(600);
                    assertEquals("primary", Http.get(gw.url("/fo")).body());
                    assertEquals("primary", Http.get(gw.url("/fo")).body());
                }
            }
        }
    }

    @Test
    void staticFailoverStaysOnTheBackupUntilItFails() {
        int port = Ports.closed();
        ScriptedBackend backup = ScriptedBackend.named("backup");
        try (backup) {
            TestRepo repo = api(TestRepo.create(), "fo", "FO").endpoint("FO", failover("FO", "dynamic=\"false\"",
                    leaf("http://127.0.0.1:" + port + "/svc", 400, ""), leaf(backup.url("/svc"), 400, "")));
            try (Gateway gw = Gateway.start(repo)) {
                assertEquals("backup", Http.get(gw.url("/fo")).body());
                try (ScriptedBackend primary = ScriptedBackend.startOn("primary", port, r -> Answer.ok("primary"))) {
                    sleep(600);
                    assertEquals("backup", Http.get(gw.url("/fo")).body(), "static: stays on the backup");
                    assertEquals("backup", Http.get(gw.url("/fo")).body());
                    backup.close();
                    assertEquals("primary", Http.get(gw.url("/fo")).body(), "the backup failed: the group moves on");
                    assertEquals("primary", Http.get(gw.url("/fo")).body());
                    assertEquals(2, primary.count());
                }
            }
        }
    }

    @Test
    void aMegabytePostReachesTheSecondBackendIntact() {
        int refused = Ports.closed();
        byte[] body = new byte[1024 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        try (ScriptedBackend second = ScriptedBackend.start("second", r -> Answer.ok("got " + r.body().length))) {
            TestRepo repo = api(TestRepo.create(), "fo", "FO").endpoint("FO", failover("FO", "",
                    leaf("http://127.0.0.1:" + refused + "/svc", 30_000, ""), leaf(second.url("/svc"), 30_000, "")));
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> r = Http.post(gw.url("/fo"), "application/octet-stream",
                        new String(body, StandardCharsets.ISO_8859_1));
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("got " + body.length, r.body());
                assertTrue(Arrays.equals(body, second.requests.get(0).body()), "the body arrived intact");
                assertArrayEquals(body, second.requests.get(0).body());
            }
        }
    }

    @Test
    void aPostIsNotReplayedAfterAReadTimeoutButAGetIs() {
        String timeout = "<timeout><duration>300</duration><responseAction>fault</responseAction></timeout>";
        try (ScriptedBackend slow = ScriptedBackend.start("slow", r -> Answer.ok("late").after(1500));
                ScriptedBackend backup = ScriptedBackend.named("backup")) {
            TestRepo repo = TestRepo.create();
            api(repo, "post", "POSTFO").endpoint("POSTFO", failover("POSTFO", "",
                    leaf(slow.url("/a"), 30_000, timeout), leaf(backup.url("/a"), 30_000, "")));
            api(repo, "get", "GETFO").endpoint("GETFO", failover("GETFO", "",
                    leaf(slow.url("/b"), 30_000, timeout), leaf(backup.url("/b"), 30_000, "")));
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> post = Http.post(gw.url("/post"), "application/json", "{\"pay\":100}");
                assertEquals(503, post.statusCode(), post.body());
                assertTrue(post.body().contains("<code>101504</code>"), post.body());
                assertEquals(0, backup.count(), "the POST may have been processed: not sent again");
                HttpResponse<String> get = Http.get(gw.url("/get"));
                assertEquals("backup", get.body());
                assertEquals(2, slow.count());
            }
        }
    }

    @Test
    void retriesAreBoundedAndStatusFailoverIsOptIn() {
        try (ScriptedBackend a = ScriptedBackend.start("a", r -> Answer.status(503, "a busy"));
                ScriptedBackend b = ScriptedBackend.start("b", r -> Answer.status(503, "b busy"));
                ScriptedBackend c = ScriptedBackend.named("c")) {
            TestRepo repo = TestRepo.create();
            api(repo, "plain", "PLAIN").endpoint("PLAIN", failover("PLAIN", "",
                    leaf(a.url("/"), 1000, ""), leaf(c.url("/"), 1000, "")));
            api(repo, "status", "STATUS").endpoint("STATUS", failover("STATUS", "failoverOnStatus=\"502,503\"",
                    leaf(a.url("/"), 1000, ""), leaf(c.url("/"), 1000, "")));
            api(repo, "bounded", "BOUNDED").endpoint("BOUNDED", failover("BOUNDED",
                    "failoverOnStatus=\"503\" maxRetries=\"1\"", leaf(a.url("/"), 1000, ""), leaf(b.url("/"), 1000, ""),
                    leaf(c.url("/"), 1000, "")));
            try (Gateway gw = Gateway.start(repo)) {
                assertEquals(503, Http.get(gw.url("/plain")).statusCode(), "an answer is not a failure by default");
                HttpResponse<String> s = Http.get(gw.url("/status"));
                assertEquals(200, s.statusCode());
                assertEquals("c", s.body());
                c.requests.clear();
                HttpResponse<String> bounded = Http.get(gw.url("/bounded"));
                assertEquals(503, bounded.statusCode());
                assertEquals("b busy", bounded.body(), "the last answer goes back when the retries are used up");
                assertEquals(0, c.count(), "maxRetries=1: two attempts, the third child is not tried");
            }
        }
    }
}
