package io.ganglion.transport.http.sender;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.OutboundRequest.SendOptions;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.spi.SendFailureException;
import io.ganglion.transport.http.SenderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSenderTest {

    private HttpServer backend;
    private HttpSender sender;
    private final Set<InetSocketAddress> clientConnections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.setExecutor(Executors.newCachedThreadPool());
        backend.createContext("/echo", this::echo);
        backend.createContext("/slow", ex -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "late");
        });
        backend.createContext("/empty", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        backend.start();
        sender = new HttpSender(SenderConfig.DEFAULT);
    }

    @AfterEach
    void stop() {
        release.countDown();
        sender.close();
        backend.stop(0);
        ((java.util.concurrent.ExecutorService) backend.getExecutor()).shutdownNow();
    }

    private void echo(HttpExchange ex) throws IOException {
        clientConnections.add(ex.getRemoteAddress());
        byte[] body = ex.getRequestBody().readAllBytes();
        var h = ex.getResponseHeaders();
        h.set("X-Method", ex.getRequestMethod());
        h.set("X-Uri", ex.getRequestURI().toString());
        h.set("X-Host", String.valueOf(ex.getRequestHeaders().getFirst("Host")));
        h.set("X-Trace-Seen", String.valueOf(ex.getRequestHeaders().getFirst("X-Trace")));
        h.set("X-Content-Type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
        h.set("X-Content-Length", String.valueOf(ex.getRequestHeaders().getFirst("Content-Length")));
        h.set("X-Transfer-Encoding", String.valueOf(ex.getRequestHeaders().getFirst("Transfer-Encoding")));
        h.set("Content-Type", "text/echo");
        ex.sendResponseHeaders(201, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + backend.getAddress().getPort();
    }

    /** The outcome of one send. */
    private record Outcome(InboundResponse response, SendFailure failure) {}

    private static Outcome send(HttpSender s, OutboundRequest request) throws Exception {
        CompletableFuture<Outcome> f = new CompletableFuture<>();
        s.send(request, new SendCallback() {
            @Override
            public void onResponse(InboundResponse response) {
                f.complete(new Outcome(response, null));
            }

            @Override
            public void onFailure(SendFailure failure) {
                f.complete(new Outcome(null, failure));
            }
        });
        return f.get(15, TimeUnit.SECONDS);
    }

    private static OutboundRequest get(String uri) {
        return new OutboundRequest("GET", URI.create(uri), new Headers(), OutboundBody.NONE, SendOptions.DEFAULT);
    }

    private static String body(InboundResponse r) throws Exception {
        return new String(r.body().readAll(1 << 20).toCompletableFuture().get(), StandardCharsets.UTF_8);
    }

    @Test
    void postRoundTripWithHeadersAndBody() throws Exception {
        Headers headers = new Headers().add("X-Trace", "abc").add("Host", "client.example")
                .add("Connection", "keep-alive").add("Content-Length", "999").add("Content-Type", "ignored/type");
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Outcome o = send(sender, new OutboundRequest("POST", URI.create(base() + "/echo/x?q=a%20b"), headers,
                new OutboundBody.Bytes(payload, "application/json"), SendOptions.DEFAULT));
        assertNull(o.failure());
        InboundResponse r = o.response();
        assertEquals(201, r.status());
        assertEquals("POST", r.headers().get("X-Method"));
        assertEquals("/echo/x?q=a%20b", r.headers().get("X-Uri"));
        assertEquals("127.0.0.1:" + backend.getAddress().getPort(), r.headers().get("X-Host"));
        assertEquals("abc", r.headers().get("X-Trace-Seen"));
        assertEquals("application/json", r.headers().get("X-Content-Type"));
        assertEquals(String.valueOf(payload.length), r.headers().get("X-Content-Length"));
        assertEquals("text/echo", r.body().contentType());
        assertArrayEquals(payload, r.body().readAll(1024).toCompletableFuture().get());
        assertNull(r.headers().get("Content-Length"), "framing headers stay out of the SPI");
    }

    @Test
    void getWithoutBodyAndNoContentResponse() throws Exception {
        Outcome o = send(sender, get(base() + "/echo"));
        assertEquals(201, o.response().status());
        assertEquals("GET", o.response().headers().get("X-Method"));
        assertEquals("", body(o.response()));
        Outcome empty = send(sender, get(base() + "/empty"));
        assertEquals(204, empty.response().status());
        assertEquals(0, empty.response().body().length());
    }

    @Test
    void relayOfUnknownLengthIsSentChunked() throws Exception {
        RawBody raw = new RawBody() {
            @Override
            public long length() {
                return -1;
            }

            @Override
            public String contentType() {
                return "text/plain";
            }

            @Override
            public java.util.concurrent.CompletionStage<byte[]> readAll(long limit) {
                return CompletableFuture.completedFuture("streamed".getBytes(StandardCharsets.UTF_8));
            }
        };
        Outcome o = send(sender, new OutboundRequest("PUT", URI.create(base() + "/echo"), new Headers(),
                new OutboundBody.Relay(raw), SendOptions.DEFAULT));
        assertEquals("streamed", body(o.response()));
        assertEquals("chunked", o.response().headers().get("X-Transfer-Encoding"));
        Outcome fixed = send(sender, new OutboundRequest("PUT", URI.create(base() + "/echo"), new Headers(),
                new OutboundBody.Relay(raw), new SendOptions(null, false, true)));
        assertEquals("8", fixed.response().headers().get("X-Content-Length"));
    }

    @Test
    void sequentialRequestsReuseOneConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            Outcome o = send(sender, get(base() + "/echo?i=" + i));
            assertEquals(201, o.response().status());
            body(o.response()); // the connection is free once the body is in
        }
        assertEquals(1, clientConnections.size(), "connections used: " + clientConnections);
    }

    @Test
    void keepAliveFalseDoesNotReuse() throws Exception {
        SendOptions noKeepAlive = new SendOptions(null, true, false);
        for (int i = 0; i < 3; i++) {
            Outcome o = send(sender, new OutboundRequest("GET", URI.create(base() + "/echo"), new Headers(),
                    OutboundBody.NONE, noKeepAlive));
            assertEquals(201, o.response().status());
            body(o.response());
        }
        assertEquals(3, clientConnections.size());
    }

    @Test
    void refusedConnectionIs101503() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Outcome o = send(sender, get("http://127.0.0.1:" + port + "/x"));
        assertNotNull(o.failure());
        assertEquals(101503, o.failure().errorCode());
        assertTrue(o.failure().message().contains("127.0.0.1:" + port), o.failure().message());
    }

    @Test
    void httpsToAPlainBackendFailsTheHandshake() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (IOException | InterruptedException e) {
                    // the test fails on the client side
                }
            });
            t.start();
            Outcome o = send(sender, get("https://127.0.0.1:" + server.getLocalPort() + "/x"));
            assertNotNull(o.failure());
            assertEquals(101503, o.failure().errorCode(), o.failure().toString());
            t.join(5_000);
        }
    }

    @Test
    void stalledTlsHandshakeIsAConnectTimeout() throws Exception {
        SenderConfig quick = new SenderConfig(Duration.ofMillis(500), Duration.ofSeconds(60), 10, 10, 1 << 20);
        try (HttpSender s = new HttpSender(quick)) {
            // The plain backend waits for a request line that never comes.
            Outcome o = send(s, get("https://127.0.0.1:" + backend.getAddress().getPort() + "/echo"));
            assertNotNull(o.failure());
            assertEquals(101508, o.failure().errorCode(), o.failure().toString());
            assertTrue(o.failure().message().contains("after 500 ms"), o.failure().message());
        }
    }

    @Test
    void unsupportedSchemeFailsAtOnce() throws Exception {
        Outcome o = send(sender, get("ftp://127.0.0.1/x"));
        assertEquals(101500, o.failure().errorCode());
    }

    @Test
    void slowBackendWithShortResponseTimeoutIs101504() throws Exception {
        long t0 = System.nanoTime();
        Outcome o = send(sender, new OutboundRequest("GET", URI.create(base() + "/slow"), new Headers(),
                OutboundBody.NONE, new SendOptions(Duration.ofMillis(300), true, true)));
        assertNotNull(o.failure());
        assertEquals(101504, o.failure().errorCode());
        assertTrue(o.failure().message().contains("300 ms"), o.failure().message());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(4));
        release.countDown();
        // The timed-out connection was discarded; the next request still works.
        assertEquals(201, send(sender, get(base() + "/echo")).response().status());
    }

    @Test
    void backendClosingMidResponseFailsTheBodyWith101505() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[4096];
                    in.read(buf);
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // the test fails on the client side
                }
            });
            t.start();
            Outcome o = send(sender, get("http://127.0.0.1:" + server.getLocalPort() + "/x"));
            // The head arrived and was handed over; the body then broke, and reading it says how.
            assertEquals(200, o.response().status());
            SendFailure f = bodyFailure(o.response(), 1 << 20);
            assertEquals(101505, f.errorCode(), f.message());
            t.join(5_000);
        }
    }

    /** The failure reading a response body reports. */
    private static SendFailure bodyFailure(InboundResponse r, long limit) throws Exception {
        try {
            r.body().readAll(limit).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause() instanceof SendFailureException, String.valueOf(e.getCause()));
            return ((SendFailureException) e.getCause()).failure();
        }
        throw new AssertionError("the body was read");
    }

    @Test
    void garbageResponseIs101506() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write("NOT-HTTP garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (IOException | InterruptedException e) {
                    // the test fails on the client side
                }
            });
            t.start();
            Outcome o = send(sender, get("http://127.0.0.1:" + server.getLocalPort() + "/x"));
            assertNotNull(o.failure());
            assertEquals(101506, o.failure().errorCode(), o.failure().message());
            t.join(5_000);
        }
    }

    @Test
    void responseOverTheReadersLimitIs101501() throws Exception {
        Outcome o = send(sender, new OutboundRequest("POST", URI.create(base() + "/echo"), new Headers(),
                new OutboundBody.Bytes("0123456789".getBytes(StandardCharsets.UTF_8), "text/plain"),
                SendOptions.DEFAULT));
        SendFailure f = bodyFailure(o.response(), 4);
        assertEquals(101501, f.errorCode(), f.message());
    }

    @Test
    void aFullPoolIsAConnectTimeoutNamingThePool() throws Exception {
        SenderConfig onePerRoute = new SenderConfig(Duration.ofMillis(300), Duration.ofSeconds(10), 10, 1, 1 << 20);
        try (HttpSender s = new HttpSender(onePerRoute)) {
            CompletableFuture<Outcome> busy = new CompletableFuture<>();
            s.send(get(base() + "/slow"), new SendCallback() {
                @Override
                public void onResponse(InboundResponse response) {
                    busy.complete(new Outcome(response, null));
                }

                @Override
                public void onFailure(SendFailure failure) {
                    busy.complete(new Outcome(null, failure));
                }
            });
            long t0 = System.nanoTime();
            Outcome waiting = send(s, get(base() + "/echo"));
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "the wait is bounded");
            assertEquals(101508, waiting.failure().errorCode(), waiting.failure().message());
            assertTrue(waiting.failure().message().contains("free in the pool within 300 ms"),
                    waiting.failure().message());
            release.countDown();
            assertEquals(200, busy.get(10, TimeUnit.SECONDS).response().status());
        }
    }

    @Test
    void keepAliveTimeoutIsReadFromTheResponse() {
        var r = new org.apache.hc.core5.http.message.BasicHttpResponse(200);
        assertNull(TargetHandler.keepAliveOf(r));
        r.setHeader("Keep-Alive", "max=100, timeout=5");
        assertEquals(Duration.ofMillis(4_500), TargetHandler.keepAliveOf(r));
        r.setHeader("Keep-Alive", "timeout=x");
        assertNull(TargetHandler.keepAliveOf(r));
    }

    @Test
    void tlsSendsTheUrlHostAsSniAndChecksTheCertificateAgainstIt() throws Exception {
        var g = io.ganglion.transport.tls.SelfSignedCertificate.generate("localhost", java.util.List.of("localhost"),
                java.util.List.of(), Duration.ofDays(1));
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", g.keys().getPrivate(), "pw".toCharArray(),
                new java.security.cert.Certificate[] {g.certificate()});
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("t", g.certificate());
        javax.net.ssl.SSLContext server = io.ganglion.transport.tls.KeyStores.serverContext(ks, "pw");
        java.util.List<String> sni = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (javax.net.ssl.SSLServerSocket ss = (javax.net.ssl.SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) ss.accept()) {
                        s.setSoTimeout(5_000);
                        s.startHandshake();
                        sni.add(((javax.net.ssl.ExtendedSSLSession) s.getSession()).getRequestedServerNames()
                                .toString());
                        s.getInputStream().read(new byte[4096]);
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        sni.add("failed: " + e);
                    }
                }
            });
            t.start();
            var tls = new io.ganglion.transport.tls.ClientTls(io.ganglion.transport.tls.KeyStores.clientContext(trust),
                    io.ganglion.transport.tls.HostnameVerification.DEFAULT_AND_LOCALHOST);
            try (HttpSender s = new HttpSender(SenderConfig.DEFAULT, tls)) {
                assertEquals("ok", body(send(s, get("https://localhost:" + ss.getLocalPort() + "/a")).response()));
                assertEquals("ok", body(send(s, get("https://127.0.0.1:" + ss.getLocalPort() + "/b")).response()));
            }
            t.join(5_000);
        }
        assertEquals(2, sni.size(), sni.toString());
        assertTrue(sni.get(0).contains("localhost"), sni.get(0));
        assertEquals("[]", sni.get(1), "no SNI for an address");
    }
}
