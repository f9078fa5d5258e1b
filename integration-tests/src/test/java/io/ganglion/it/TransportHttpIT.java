package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.transport.http.listener.RawClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 through the whole gateway over raw sockets: malformed and oversized requests get the
 * right 4xx (never a stack trace or a hung socket), and pass-through keeps HEAD, Expect,
 * pipelining, Connection: close and the proxy headers right.
 */
class TransportHttpIT {

    private static RawBackend backend;
    private static Gateway gw;

    @BeforeAll
    static void start() {
        backend = new RawBackend((c, n, line) -> RawBackend.Action.respond("reply to " + line.split(" ")[1],
                "Connection: keep-alive, X-Internal", "X-Internal: hop", "X-End-To-End: kept"), 0);
        gw = Gateway.start(TestRepo.create()
                .deploymentToml("""
                        [transport.http]
                        listener.max_body_size = 4096
                        listener.max_request_line = 512
                        listener.max_header_size = 2048
                        listener.max_header_count = 20
                        """)
                .api("Pass", """
                        <api xmlns="http://ws.apache.org/ns/synapse" name="Pass" context="/pass">
                          <resource methods="GET HEAD POST PUT" url-mapping="/*">
                            <inSequence><send><endpoint><http uri-template="%s"/></endpoint></send></inSequence>
                            <outSequence><send/></outSequence>
                          </resource>
                        </api>""".formatted(backend.url("/backend")))
                .api("Reads", """
                        <api xmlns="http://ws.apache.org/ns/synapse" name="Reads" context="/reads">
                          <resource methods="POST">
                            <inSequence>
                              <property name="first" expression="//item[1]"/>
                              <payloadFactory media-type="xml"><format><got>$1</got></format>
                                <args><arg expression="get-property('first')"/></args></payloadFactory>
                              <respond/>
                            </inSequence>
                          </resource>
                        </api>"""));
    }

    @AfterAll
    static void stop() {
        gw.close();
        backend.close();
    }

    private static RawClient client() throws Exception {
        return new RawClient(gw.port());
    }

    @Test
    void malformedRequestsGet400WithoutAStackTrace() throws Exception {
        for (String bad : new String[] {"NOT HTTP AT ALL\r\n\r\n", "GET /pass/x HTTP/1.1\r\nHost: h\r\nbroken header\r\n\r\n",
                "POST /pass/x HTTP/1.1\r\nHost: h\r\nContent-Length: ten\r\n\r\n",
                "POST /pass/x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc"}) {
            try (RawClient c = client()) {
                c.send(bad);
                RawClient.Response r = c.read();
                assertEquals(400, r.status(), bad);
                assertFalse(r.text().contains("Exception"), r.text());
                assertFalse(r.text().contains("\tat "), r.text());
            }
        }
    }

    @Test
    void oversizedHeadsGet414And431() throws Exception {
        try (RawClient c = client()) {
            c.send("GET /pass/" + "x".repeat(600) + " HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals(414, c.read().status());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = client()) {
            c.send("GET /pass/x HTTP/1.1\r\nHost: h\r\nCookie: " + "c".repeat(3000) + "\r\n\r\n");
            assertEquals(431, c.read().status());
        }
        try (RawClient c = client()) {
            StringBuilder head = new StringBuilder("GET /pass/x HTTP/1.1\r\nHost: h\r\n");
            for (int i = 0; i < 25; i++) {
                head.append("X-").append(i).append(": v\r\n");
            }
            c.send(head.append("\r\n").toString());
            assertEquals(431, c.read().status());
        }
    }

    @Test
    void aBodyOverTheLimitOfAFlowThatReadsItGets413AndTheConnectionCloses() throws Exception {
        byte[] big = ("<items>" + "<item>x</item>".repeat(1000) + "</items>").getBytes(StandardCharsets.UTF_8);
        try (RawClient c = client()) {
            c.send(("POST /reads HTTP/1.1\r\nHost: h\r\nContent-Type: application/xml\r\nContent-Length: " + big.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            c.send(big);
            RawClient.Response r = c.read();
            assertEquals(413, r.status(), r.text());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = client()) {
            String small = "<items><item>first</item></items>";
            c.send("POST /reads HTTP/1.1\r\nHost: h\r\nContent-Type: application/xml\r\nContent-Length: "
                    + small.length() + "\r\n\r\n" + small);
            assertTrue(c.read().text().contains("<got>first</got>"));
        }
    }

    @Test
    void aPassThroughBodyIsNotBoundByTheBufferLimit() throws Exception {
        byte[] big = new byte[64 * 1024];
        try (RawClient c = client()) {
            c.send(("PUT /pass/big HTTP/1.1\r\nHost: h\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + big.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            c.send(big);
            RawClient.Response r = c.read();
            assertEquals(200, r.status(), r.text());
            assertEquals("reply to /backend", r.text());
        }
    }

    @Test
    void pipelinedRequestsComeBackInOrderAndConnectionCloseIsHonoured() throws Exception {
        try (RawClient c = client()) {
            c.send("GET /pass/1 HTTP/1.1\r\nHost: h\r\n\r\n"
                    + "POST /pass/2 HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi"
                    + "GET /pass/3 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
            for (int i = 0; i < 3; i++) {
                RawClient.Response r = c.read();
                assertEquals(200, r.status());
                assertEquals("reply to /backend", r.text());
            }
            assertTrue(c.closedByServer(), "Connection: close ends the connection after the answer");
        }
    }

    @Test
    void headKeepsTheBackendsLengthWithoutABody() throws Exception {
        try (RawClient c = client()) {
            c.send("HEAD /pass/h HTTP/1.1\r\nHost: h\r\n\r\n");
            RawClient.Response head = c.read(true);
            assertEquals(200, head.status());
            assertEquals(String.valueOf("reply to /backend".length()), head.header("Content-Length"));
            c.send("GET /pass/after HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("reply to /backend", c.read().text(), "no stray body bytes between the two");
        }
        assertTrue(backend.heads.stream().anyMatch(h -> h.startsWith("HEAD /backend")), backend.heads.toString());
    }

    @Test
    void expectContinueIsAnsweredAndTheBodyRelayed() throws Exception {
        try (RawClient c = client()) {
            c.send("PUT /pass/e HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertEquals(100, c.read().status());
            c.send("hello");
            assertEquals(200, c.read().status());
        }
    }

    @Test
    void hopByHopHeadersStopHereAndTheProxyHeadersAreAdded() throws Exception {
        try (RawClient c = client()) {
            c.send("GET /pass/hop HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, X-Secret\r\nX-Secret: s\r\n"
                    + "Keep-Alive: timeout=5\r\nTE: trailers\r\nUpgrade: websocket\r\nX-Forwarded-For: 198.51.100.1\r\n"
                    + "X-Trace: t1\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(200, r.status());
            assertNull(r.header("X-Internal"), "the backend's Connection-listed header");
            assertEquals("kept", r.header("X-End-To-End"));
        }
        String head = backend.heads.stream().filter(h -> h.contains("X-Trace: t1")).findFirst().orElseThrow();
        assertFalse(head.contains("X-Secret"), head);
        assertFalse(head.contains("Keep-Alive"), head);
        assertFalse(head.contains("Upgrade"), head);
        assertFalse(head.toLowerCase().contains("te: trailers"), head);
        assertTrue(head.contains("X-Forwarded-For: 198.51.100.1, 127.0.0.1"), head);
        assertTrue(head.contains("X-Forwarded-Proto: http"), head);
        assertTrue(head.contains("Host: 127.0.0.1:" + backend.port()), head);
    }
}
