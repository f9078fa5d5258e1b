package io.ganglion.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A backend for endpoint tests on 127.0.0.1: starts on a given port (so a test can bring a "down"
 * backend up), answers with any status, headers and delay, and records every request with its
 * raw body. Thread-safe.
 */
final class ScriptedBackend implements AutoCloseable {

    /** A received request. */
    record Request(String method, String uri, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The answer to one request. */
    record Answer(int status, String contentType, String body, Map<String, String> headers, long delayMs) {
        static Answer ok(String body) {
            return new Answer(200, "text/plain", body, Map.of(), 0);
        }

        static Answer status(int status, String body) {
            return new Answer(status, "text/plain", body, Map.of(), 0);
        }

        Answer header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, contentType, body, h, delayMs);
        }

        Answer after(long ms) {
            return new Answer(status, contentType, body, headers, ms);
        }
    }

    /** Computes answers. */
    interface Handler {
        Answer handle(Request request) throws Exception;
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    private ScriptedBackend(String name, int port, Handler handler) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> serve(ex, handler));
        server.setExecutor(executor);
        server.start();
    }

    /** A backend on any free port. */
    static ScriptedBackend start(String name, Handler handler) {
        return new ScriptedBackend(name, 0, handler);
    }

    /** A backend on {@code port} (e.g. one that was closed until now). */
    static ScriptedBackend startOn(String name, int port, Handler handler) {
        return new ScriptedBackend(name, port, handler);
    }

    /** A backend answering 200 with its name. */
    static ScriptedBackend named(String name) {
        return start(name, r -> Answer.ok(name));
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int count() {
        return requests.size();
    }

    private void serve(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders(), body);
            requests.add(r);
            Answer a;
            try {
                a = handler.handle(r);
            } catch (Exception e) {
                a = Answer.status(500, e.toString());
            }
            if (a.delayMs() > 0) {
                try {
                    Thread.sleep(a.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
            if (a.contentType() != null) {
                ex.getResponseHeaders().set("Content-Type", a.contentType());
            }
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.getResponseHeaders().set("X-Backend", name);
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // The gateway gave up on this request (its timeout); nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return name + " on " + port();
    }
}
