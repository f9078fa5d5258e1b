package io.ganglion.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 backend over plain sockets, one thread per connection, for the connection
 * behaviours a real server library hides: it counts the connections it accepted, and a
 * {@link Script} decides per request whether to answer, stall, close early or answer half.
 * Every socket read has a timeout, so a test never hangs on it. Thread-safe.
 */
final class RawBackend implements AutoCloseable {

    /** What to do with one request. */
    sealed interface Action {
        /** Answer 200 with {@code body} and extra header lines (e.g. {@code "Keep-Alive: timeout=1"}). */
        record Respond(String body, List<String> headers) implements Action {}

        /** Close the connection without answering. */
        record Close() implements Action {}

        /** Wait, then answer (a response timeout shorter than the wait gives 101504). */
        record Stall(long millis, String body) implements Action {}

        /** Send the head and part of the body, then close (101505 on reading the body). */
        record Half() implements Action {}

        static Action respond(String body, String... headers) {
            return new Respond(body, List.of(headers));
        }
    }

    /** Chooses the action for the {@code n}th request (from 0) on the {@code connection}th connection (from 0). */
    interface Script {
        Action on(int connection, int n, String requestLine);
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-backend");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    /** The heads received, request line first, one string per request. */
    final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Script script;
    private final long idleCloseMillis;

    /**
     * @param idleCloseMillis close a connection that stays idle this long between requests (0: keep it)
     */
    RawBackend(Script script, long idleCloseMillis) {
        this.script = script;
        this.idleCloseMillis = idleCloseMillis;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Connections accepted so far. */
    int connections() {
        return accepted.get();
    }

    /** Requests read so far. */
    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int index = accepted.getAndIncrement();
                open.add(s);
                threads.execute(() -> serve(s, index));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int connection) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int n = 0; n < 10_000; n++) {
                s.setSoTimeout(n == 0 || idleCloseMillis == 0 ? 30_000 : (int) idleCloseMillis);
                String requestLine;
                try {
                    requestLine = readHead(in, heads);
                } catch (SocketTimeoutException idle) {
                    return;
                }
                if (requestLine == null) {
                    return;
                }
                requests.incrementAndGet();
                Action a = script.on(connection, n, requestLine);
                if (a instanceof Action.Close) {
                    return;
                }
                if (a instanceof Action.Half) {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly a part")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    return;
                }
                boolean head = requestLine.startsWith("HEAD ");
                if (a instanceof Action.Stall st) {
                    Thread.sleep(st.millis());
                    respond(out, st.body(), List.of(), head);
                } else if (a instanceof Action.Respond r) {
                    respond(out, r.body(), r.headers(), head);
                }
            }
        } catch (IOException e) {
            // the peer went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    /** Answers 200; a HEAD answer declares the body's length without sending it. */
    private static void respond(OutputStream out, String body, List<String> headers, boolean toHead)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ")
                .append(b.length).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!toHead) {
            whole.writeBytes(b);
        }
        out.write(whole.toByteArray());
        out.flush();
    }

    /** Reads a request head and its Content-Length body; returns the request line, or null at EOF. */
    private static String readHead(InputStream in, List<String> heads) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        long length = 0;
        StringBuilder head = new StringBuilder(requestLine);
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            head.append('\n').append(l);
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(l.substring(15).trim());
            }
        }
        heads.add(head.toString());
        in.skipNBytes(length);
        return requestLine;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
