package io.ganglion.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A real backend HTTP server on 127.0.0.1 (the JDK's HttpServer) that records what it received
 * and answers through a handler the test gives. Thread-safe.
 */
final class Backend implements AutoCloseable {

    /** What the backend received. */
    record Received(String method, String uri, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** Computes the answer to one request. */
    interface Handler {
        Reply handle(Received request) throws Exception;
    }

    /** The answer: status, content type and body. */
    record Reply(int status, String contentType, String body) {
        static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }

        static Reply xml(String body) {
            return new Reply(200, "application/xml", body);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private Backend(Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> serve(ex, handler));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a backend that answers with {@code handler}. */
    static Backend start(Handler handler) {
        return new Backend(handler);
    }

    /** Starts a backend that answers every request with the same JSON body. */
    static Backend json(String body) {
        return new Backend(r -> Reply.json(body));
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    Received last() {
        return received.isEmpty() ? null : received.get(received.size() - 1);
    }

    private void serve(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders(), body);
            received.add(r);
            Reply reply;
            try {
                reply = handler.handle(r);
            } catch (Exception e) {
                reply = new Reply(500, "text/plain", e.toString());
            }
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            if (reply.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            ex.getResponseHeaders().set("X-Backend-Port", String.valueOf(port()));
            ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
