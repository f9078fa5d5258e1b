package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sender's connection pool and timeouts against real loopback backends: reuse, recovery from
 * connections the backend closed, the backend's Keep-Alive timeout, and the error code of each
 * kind of timeout reaching the fault sequence.
 */
class TransportPoolIT {

    /** A pass-through API to {@code target} whose fault sequence answers with the error code and message. */
    private static TestRepo passThrough(String target, String deploymentToml) {
        return TestRepo.create().deploymentToml(deploymentToml).api("Pass", """
                <api xmlns="http://ws.apache.org/ns/synapse" name="Pass" context="/pass">
                  <resource methods="GET POST" url-mapping="/*">
                    <inSequence><send><endpoint><http uri-template="%s"/></endpoint></send></inSequence>
                    <outSequence><send/></outSequence>
                    <faultSequence>
                      <payloadFactory media-type="json">
                        <format>{"code":"$1","message":"$2"}</format>
                        <args>
                          <arg expression="get-property('ERROR_CODE')"/>
                          <arg expression="get-property('ERROR_MESSAGE')"/>
                        </args>
                      </payloadFactory>
                      <property name="HTTP_SC" value="502" scope="axis2"/>
                      <respond/>
                    </faultSequence>
                  </resource>
                </api>""".formatted(target));
    }

    @Test
    void oneBackendConnectionServesManySequentialRequests() {
        try (RawBackend backend = new RawBackend((c, n, line) -> RawBackend.Action.respond("r" + n), 0)) {
            try (Gateway gw = Gateway.start(passThrough(backend.url("/x"), ""))) {
                for (int i = 0; i < 25; i++) {
                    HttpResponse<String> r = Http.get(gw.url("/pass/" + i));
                    assertEquals(200, r.statusCode(), r.body());
                    assertEquals("r" + i, r.body());
                }
                assertEquals(25, backend.requests());
                assertEquals(1, backend.connections(), "every request reused the pooled connection");
            }
        }
    }

    @Test
    void aBackendThatClosesIdleConnectionsCostsTheClientNothing() throws Exception {
        // The backend closes a connection idle for 100 ms, with no Keep-Alive header to warn the gateway.
        try (RawBackend backend = new RawBackend((c, n, line) -> RawBackend.Action.respond("ok"), 100)) {
            try (Gateway gw = Gateway.start(passThrough(backend.url("/x"), ""))) {
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> r = Http.get(gw.url("/pass/" + i));
                    assertEquals(200, r.statusCode(), r.body());
                    Thread.sleep(250);
                }
                assertEquals(5, backend.connections(), "each idle connection was closed by the backend");
            }
        }
    }

    @Test
    void aRequestMeetingTheBackendsCloseIsRetriedOnAFreshConnection() {
        // Each connection's second request is met with a close, as when the backend times the
        // connection out just as the gateway reuses it: the gateway must retry, not fail the client.
        try (RawBackend backend = new RawBackend((c, n, line) -> n == 0 ? RawBackend.Action.respond("fresh" + c)
                : new RawBackend.Action.Close(), 0)) {
            try (Gateway gw = Gateway.start(passThrough(backend.url("/x"), ""))) {
                for (int i = 0; i < 4; i++) {
                    HttpResponse<String> r = i % 2 == 0 ? Http.get(gw.url("/pass/" + i))
                            : Http.post(gw.url("/pass/" + i), "application/json", "{\"n\":" + i + "}");
                    assertEquals(200, r.statusCode(), r.body());
                    assertTrue(r.body().startsWith("fresh"), r.body());
                }
                assertEquals(4, backend.connections());
            }
        }
    }

    @Test
    void theBackendsKeepAliveTimeoutIsHonoured() throws Exception {
        // "timeout=1" lets the gateway keep a connection 0.5 s (a margin under the backend's second).
        try (RawBackend backend = new RawBackend((c, n, line) -> RawBackend.Action.respond("ok",
                "Keep-Alive: timeout=1"), 0)) {
            try (Gateway gw = Gateway.start(passThrough(backend.url("/x"), ""))) {
                assertEquals(200, Http.get(gw.url("/pass/a")).statusCode());
                assertEquals(200, Http.get(gw.url("/pass/b")).statusCode());
                assertEquals(1, backend.connections(), "reused within the timeout");
                Thread.sleep(700);
                assertEquals(200, Http.get(gw.url("/pass/c")).statusCode());
                assertEquals(2, backend.connections(), "not reused past it");
            }
        }
    }

    @Test
    void noResponseWithinTheEndpointTimeoutIs101504() {
        try (RawBackend backend = new RawBackend((c, n, line) -> new RawBackend.Action.Stall(3_000, "late"), 0)) {
            TestRepo repo = passThrough(backend.url("/x"), "[transport.http]\nsender.socket_timeout = 300\n");
            try (Gateway gw = Gateway.start(repo)) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = Http.get(gw.url("/pass/slow"));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(502, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"code\":\"101504\""), r.body());
                assertTrue(ms < 2_500, "answered after " + ms + " ms");
            }
        }
    }

    @Test
    void aBackendClosingMidResponseIs101505() {
        try (RawBackend backend = new RawBackend((c, n, line) -> new RawBackend.Action.Half(), 0)) {
            TestRepo repo = TestRepo.create().api("Read", """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="Read" context="/read">
                      <resource methods="GET">
                        <inSequence><call><endpoint><http uri-template="%s"/></endpoint></call><respond/></inSequence>
                        <faultSequence>
                          <payloadFactory media-type="json">
                            <format>{"code":"$1"}</format>
                            <args><arg expression="get-property('ERROR_CODE')"/></args>
                          </payloadFactory>
                          <respond/>
                        </faultSequence>
                      </resource>
                    </api>""".formatted(backend.url("/x")));
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> r = Http.get(gw.url("/read"));
                assertTrue(r.body().contains("\"code\":\"101505\""), r.body());
            }
        }
    }

    @Test
    void aRefusedConnectionIs101503() {
        TestRepo repo = passThrough("http://127.0.0.1:" + Ports.closed() + "/x", "");
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> r = Http.get(gw.url("/pass/x"));
            assertEquals(502, r.statusCode());
            assertTrue(r.body().contains("\"code\":\"101503\""), r.body());
        }
    }

    @Test
    void aConnectThatNeverCompletesIs101508() throws Exception {
        // A loopback listener whose accept backlog is full drops new SYNs: connecting hangs there,
        // which is what an unreachable host looks like, without leaving the machine.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> filling = fillBacklog(full.getLocalPort());
            try {
                TestRepo repo = passThrough("http://127.0.0.1:" + full.getLocalPort() + "/x",
                        "[transport.http]\nsender.connect_timeout = 400\n");
                try (Gateway gw = Gateway.start(repo)) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = Http.get(gw.url("/pass/x"));
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(502, r.statusCode(), r.body());
                    assertTrue(r.body().contains("\"code\":\"101508\""), r.body());
                    assertTrue(ms >= 350 && ms < 5_000, "answered after " + ms + " ms");
                }
            } finally {
                for (Socket s : filling) {
                    s.close();
                }
            }
        }
    }

    /** Opens connections until one times out (the backlog is full); at most 32 tries. */
    private static List<Socket> fillBacklog(int port) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                sockets.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return sockets;
            }
        }
        throw new IllegalStateException("the backlog of port " + port + " never filled up");
    }
}
