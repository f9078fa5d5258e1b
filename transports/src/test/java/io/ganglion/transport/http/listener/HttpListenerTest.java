package io.ganglion.transport.http.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.BodyTooLargeException;
import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.transport.http.ListenerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpListenerTest {

    private static final ListenerConfig CONFIG = new ListenerConfig("127.0.0.1", 0, 1024 * 1024,
            Duration.ofSeconds(30), Duration.ofSeconds(30));

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final LinkedBlockingQueue<InboundExchange> seen = new LinkedBlockingQueue<>();
    private HttpListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
        workers.shutdownNow();
    }

    /** Starts a listener whose "engine" runs {@code handler} on a worker thread, as the real one does. */
    private int start(ListenerConfig config, Consumer<InboundExchange> handler) throws Exception {
        listener = new HttpListener(config, ex -> {
            seen.add(ex);
            workers.execute(() -> handler.accept(ex));
        });
        listener.start();
        assertTrue(listener.port() > 0);
        return listener.port();
    }

    private static OutboundResponse text(int status, String body) {
        return OutboundResponse.of(status, "text/plain; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Echoes the request body back as a relay, with the request's framing preference. */
    private static void echo(InboundExchange ex) {
        Headers h = new Headers().set("X-Method", ex.method()).set("X-Length", String.valueOf(ex.body().length()));
        ex.respond(new OutboundResponse(200, h, new OutboundBody.Relay(ex.body()), true));
    }

    @Test
    void getRoundTrip() throws Exception {
        int port = start(CONFIG, ex -> ex.respond(text(200, "hello " + ex.method() + " " + ex.uri())));
        try (RawClient c = new RawClient(port)) {
            c.send("GET /a%20b/c?x=1&y=%2F HTTP/1.1\r\nHost: example.org\r\nX-Trace: t1\r\n"
                    + "Connection: keep-alive, X-Hop\r\nX-Hop: gone\r\nAccept: */*\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("hello GET /a%20b/c?x=1&y=%2F", r.text());
            assertEquals("text/plain; charset=UTF-8", r.header("Content-Type"));
            assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
            assertNull(r.header("Transfer-Encoding"));
        }
        InboundExchange ex = seen.poll(5, TimeUnit.SECONDS);
        assertNotNull(ex);
        assertEquals("http", ex.scheme());
        assertEquals("HTTP/1.1", ex.protocol());
        assertEquals("example.org", ex.headers().get("Host"));
        assertEquals("t1", ex.headers().get("X-Trace"));
        assertNull(ex.headers().get("Connection"));
        assertNull(ex.headers().get("X-Hop"), "a header named in Connection is hop-by-hop");
        assertEquals(0, ex.body().length());
        assertEquals("127.0.0.1", ex.remoteAddress().getAddress().getHostAddress());
        assertEquals(port, ex.localPort());
    }

    @Test
    void postWithContentLength() throws Exception {
        int port = start(CONFIG, HttpListenerTest::echo);
        String body = "<a>payload</a>";
        try (RawClient c = new RawClient(port)) {
            c.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Type: application/xml\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
            RawClient.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals(body, r.text());
            assertEquals("application/xml", r.header("Content-Type"));
            assertEquals(String.valueOf(body.length()), r.header("Content-Length"));
            assertEquals(String.valueOf(body.length()), r.header("X-Length"));
        }
        InboundExchange ex = seen.poll(5, TimeUnit.SECONDS);
        assertEquals("application/xml", ex.body().contentType());
        assertNull(ex.headers().get("Content-Length"), "framing headers stay out of the SPI");
    }

    @Test
    void bodyReadWholeIsTheSameBytesEveryTime() throws Exception {
        int port = start(CONFIG, ex -> ex.body().readAll(1024).thenAccept(bytes -> ex.respond(
                OutboundResponse.of(200, "text/plain", bytes))));
        try (RawClient c = new RawClient(port)) {
            c.send("POST /read HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello");
            assertEquals("hello", c.read().text());
        }
        InboundExchange ex = seen.poll(5, TimeUnit.SECONDS);
        byte[] first = ex.body().readAll(1024).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertSame(first, ex.body().readAll(1024).toCompletableFuture().get(5, TimeUnit.SECONDS));
        // Read whole, the body may still be relayed (any number of times).
        assertEquals("hello", new String(first, StandardCharsets.UTF_8));
    }

    @Test
    void chunkedPostIsRelayedChunked() throws Exception {
        int port = start(CONFIG, HttpListenerTest::echo);
        try (RawClient c = new RawClient(port)) {
            c.send("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n");
            Thread.sleep(50);
            c.send("6\r\n world\r\n0\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("hello world", r.text());
            assertEquals("-1", r.header("X-Length"));
            assertEquals("chunked", r.header("Transfer-Encoding"));
        }
    }

    @Test
    void headGetsHeadersWithoutBody() throws Exception {
        int port = start(CONFIG, ex -> ex.respond(text(200, "hello")));
        try (RawClient c = new RawClient(port)) {
            c.send("HEAD /x HTTP/1.1\r\nHost: h\r\n\r\n");
            RawClient.Response head = c.read(true);
            assertEquals(200, head.status());
            assertEquals("5", head.header("Content-Length"));
            // Had the body been written, it would be read as the next status line.
            c.send("GET /y HTTP/1.1\r\nHost: h\r\n\r\n");
            RawClient.Response get = c.read();
            assertEquals(200, get.status());
            assertEquals("hello", get.text());
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        int port = start(CONFIG, ex -> ex.respond(text(200, "n=" + ex.uri())));
        try (RawClient c = new RawClient(port)) {
            for (int i = 0; i < 5; i++) {
                c.send("GET /" + i + " HTTP/1.1\r\nHost: h\r\n\r\n");
                RawClient.Response r = c.read();
                assertEquals("n=/" + i, r.text());
            }
            c.send("GET /last HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals("n=/last", r.text());
            assertTrue(c.closedByServer());
        }
        assertTrue(listener.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(0, listener.inFlight());
    }

    @Test
    void emptyResponsesAndNoContent() throws Exception {
        int port = start(CONFIG, ex -> ex.respond(new OutboundResponse(ex.uri().equals("/204") ? 204 : 202,
                new Headers().set("X-A", "1"), OutboundBody.NONE, true)));
        try (RawClient c = new RawClient(port)) {
            c.send("GET /204 HTTP/1.1\r\nHost: h\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(204, r.status());
            assertEquals("1", r.header("X-A"));
            c.send("POST /202 HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi");
            r = c.read();
            assertEquals(202, r.status());
            assertEquals("0", r.header("Content-Length"));
        }
    }

    @Test
    void malformedRequestLineGets400WithoutStackTrace() throws Exception {
        int port = start(CONFIG, ex -> ex.respond(text(200, "unexpected")));
        try (RawClient c = new RawClient(port)) {
            c.send("THIS IS NOT HTTP\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(400, r.status());
            assertFalse(r.text().contains("at org."), r.text());
            assertFalse(r.text().contains("Exception"), r.text());
        }
        assertNull(seen.poll(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void unansweredRequestGets504() throws Exception {
        int port = start(CONFIG.withRequestTimeout(Duration.ofMillis(300)), ex -> { });
        long t0 = System.nanoTime();
        try (RawClient c = new RawClient(port)) {
            c.send("GET /never HTTP/1.1\r\nHost: h\r\nAccept: application/json\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(504, r.status());
            assertTrue(r.text().contains("\"status\":504"), r.text());
        }
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300));
        InboundExchange ex = seen.poll(1, TimeUnit.SECONDS);
        ex.respond(text(200, "too late")); // ignored, no error
    }

    @Test
    void oversizedBodyFailsReadAllAnd413ClosesTheConnection() throws Exception {
        int port = start(CONFIG.withMaxBodySize(1024), ex -> ex.body().readAll(1024).whenComplete((b, err) -> {
            Throwable cause = err instanceof CompletionException ? err.getCause() : err;
            ex.respond(cause instanceof BodyTooLargeException ? text(413, "too large") : text(200, "fits"));
        }));
        byte[] big = new byte[8 * 1024];
        try (RawClient c = new RawClient(port)) {
            c.send(("POST /big HTTP/1.1\r\nHost: h\r\nContent-Length: " + big.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            c.send(big);
            RawClient.Response r = c.read();
            assertEquals(413, r.status());
            assertEquals("close", r.header("Connection"));
            assertTrue(c.closedByServer());
        }
        try (RawClient c = new RawClient(port)) {
            c.send("POST /small HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
            assertEquals("fits", c.read().text());
        }
    }

    @Test
    void expectContinueIsAnswered() throws Exception {
        int port = start(CONFIG, HttpListenerTest::echo);
        try (RawClient c = new RawClient(port)) {
            c.send("PUT /e HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            RawClient.Response interim = c.read();
            assertEquals(100, interim.status());
            c.send("data");
            RawClient.Response r = c.read();
            assertEquals(200, r.status());
            assertEquals("data", r.text());
        }
    }

    @Test
    void largeResponseIsWrittenWhole() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        int port = start(CONFIG, ex -> ex.respond(OutboundResponse.of(200, "application/octet-stream", big)));
        try (RawClient c = new RawClient(port)) {
            c.send("GET /big HTTP/1.1\r\nHost: h\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(big.length, r.body().length);
            assertEquals(new String(big, StandardCharsets.ISO_8859_1), new String(r.body(), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void stopAcceptingRefusesNewConnectionsButFinishesInFlight() throws Exception {
        LinkedBlockingQueue<InboundExchange> pending = new LinkedBlockingQueue<>();
        int port = start(CONFIG, pending::add);
        try (RawClient c = new RawClient(port)) {
            c.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n");
            InboundExchange ex = pending.poll(5, TimeUnit.SECONDS);
            assertEquals(1, listener.inFlight());
            listener.stopAccepting();
            assertFalse(listener.awaitIdle(Duration.ofMillis(100)));
            ex.respond(text(200, "done"));
            assertEquals("done", c.read().text());
        }
        assertTrue(listener.awaitIdle(Duration.ofSeconds(5)));
        assertThrowsConnect(port);
    }

    @Test
    void anOverlongRequestLineGets414() throws Exception {
        int port = start(CONFIG.withLimits(100, 256, 1024, 10), ex -> ex.respond(text(200, "unexpected")));
        try (RawClient c = new RawClient(port)) {
            c.send("GET /" + "a".repeat(300) + " HTTP/1.1\r\nHost: h\r\n\r\n");
            RawClient.Response r = c.read();
            assertEquals(414, r.status());
            assertFalse(r.text().contains("Exception"), r.text());
            assertTrue(c.closedByServer());
        }
        // Longer than any line HttpCore buffers: still 414, not 431.
        try (RawClient c = new RawClient(port)) {
            c.send("GET /" + "b".repeat(5000) + " HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals(414, c.read().status());
        }
        assertNull(seen.poll(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void oversizedOrTooManyHeadersGet431() throws Exception {
        int port = start(CONFIG.withLimits(100, 256, 1024, 10), ex -> ex.respond(text(200, "fine")));
        try (RawClient c = new RawClient(port)) {
            c.send("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + "v".repeat(2000) + "\r\n\r\n");
            assertEquals(431, c.read().status());
        }
        try (RawClient c = new RawClient(port)) {
            StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
            for (int i = 0; i < 11; i++) {
                many.append("X-H").append(i).append(": v\r\n");
            }
            c.send(many.append("\r\n").toString());
            assertEquals(431, c.read().status());
        }
        try (RawClient c = new RawClient(port)) {
            StringBuilder total = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
            for (int i = 0; i < 5; i++) {
                total.append("X-H").append(i).append(": ").append("v".repeat(300)).append("\r\n");
            }
            c.send(total.append("\r\n").toString());
            assertEquals(431, c.read().status(), "each line fits, all together do not");
        }
        try (RawClient c = new RawClient(port)) {
            c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("fine", c.read().text());
        }
    }

    @Test
    void aBrokenHeaderOrChunkGets400OrACloseNeverAHang() throws Exception {
        int port = start(CONFIG, HttpListenerTest::echo);
        try (RawClient c = new RawClient(port)) {
            c.send("GET / HTTP/1.1\r\nHost: h\r\nNo colon here\r\n\r\n");
            assertEquals(400, c.read().status());
        }
        try (RawClient c = new RawClient(port)) {
            c.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: nope\r\n\r\n");
            assertEquals(400, c.read().status());
        }
        try (RawClient c = new RawClient(port)) {
            c.send("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n");
            assertTrue(c.closedByServer(), "a broken chunk ends the connection");
        }
        assertTrue(listener.awaitIdle(Duration.ofSeconds(5)), "no exchange left hanging");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        int port = start(CONFIG, ex -> {
            if (ex.uri().equals("/slow")) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            echo(ex);
        });
        try (RawClient c = new RawClient(port)) {
            c.send("POST /slow HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\none"
                    + "GET /fast HTTP/1.1\r\nHost: h\r\n\r\n"
                    + "POST /third HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nthree\r\n0\r\n\r\n");
            assertEquals("one", c.read().text());
            RawClient.Response second = c.read();
            assertEquals("GET", second.header("X-Method"));
            assertEquals("three", c.read().text());
        }
    }

    @Test
    void connectionsOverTheLimitAreClosed() throws Exception {
        int port = start(CONFIG.withLimits(2, 8192, 16384, 100), ex -> ex.respond(text(200, "ok")));
        try (RawClient a = new RawClient(port); RawClient b = new RawClient(port)) {
            a.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("ok", a.read().text());
            b.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertEquals("ok", b.read().text());
            assertTrue(thirdConnectionIsRefused(port), "a third connection is closed at once");
        }
        // Closed connections free their places.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean served = false;
        while (!served && System.nanoTime() < deadline) {
            try (RawClient c = new RawClient(port)) {
                c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
                served = c.read().status() == 200;
            } catch (java.io.IOException e) {
                Thread.sleep(50);
            }
        }
        assertTrue(served);
    }

    /** The server may close the connection before or after the client's connect completes. */
    private static boolean thirdConnectionIsRefused(int port) throws Exception {
        try (RawClient third = new RawClient(port)) {
            return third.closedByServer();
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void forwardedHeadersTellBackendsAboutTheClient() throws Exception {
        int port = start(CONFIG, ex -> ex.respond(text(200, "ok")));
        try (RawClient c = new RawClient(port)) {
            c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            c.read();
            c.send("GET / HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n\r\n");
            c.read();
        }
        InboundExchange direct = seen.poll(5, TimeUnit.SECONDS);
        assertEquals("127.0.0.1", direct.headers().get("X-Forwarded-For"));
        assertEquals("http", direct.headers().get("X-Forwarded-Proto"));
        InboundExchange proxied = seen.poll(5, TimeUnit.SECONDS);
        assertEquals("203.0.113.7, 127.0.0.1", proxied.headers().get("X-Forwarded-For"));
        assertEquals("https", proxied.headers().get("X-Forwarded-Proto"), "a proxy in front said so");
    }

    @Test
    void httpsPortServesTheSameHandlers() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("listener-tls");
        java.nio.file.Path ks = dir.resolve("ks.p12");
        java.security.KeyStore store = io.ganglion.transport.tls.KeyStores.generate(ks, "pw", "localhost",
                Duration.ofDays(1));
        listener = new HttpListener(CONFIG.withHttpsPort(0),
                io.ganglion.transport.tls.KeyStores.serverContext(store, "pw"),
                ex -> ex.respond(text(200, ex.scheme() + " " + ex.headers().get("X-Forwarded-Proto"))));
        listener.start();
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gw", store.getCertificate(io.ganglion.transport.tls.KeyStores.GENERATED_ALIAS));
        javax.net.ssl.SSLContext client = io.ganglion.transport.tls.KeyStores.clientContext(trust);
        try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) client.getSocketFactory()
                .createSocket("127.0.0.1", listener.httpsPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
            assertTrue(reply.endsWith("https https"), reply);
        }
    }

    private static void assertThrowsConnect(int port) {
        boolean refused = false;
        try (RawClient c = new RawClient(port)) {
            c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            c.read();
        } catch (java.io.IOException e) {
            refused = true;
        }
        assertTrue(refused, "the listener still accepts connections");
    }
}
