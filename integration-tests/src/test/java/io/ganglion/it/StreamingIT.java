package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pass-through streaming: 200 MiB up and 200 MiB down through an API whose flow never reads the
 * body, with the gateway in a child JVM limited to a 64 MiB heap. Buffering either body would not
 * fit; the test also reports the gateway's peak heap from its GC log. Every transfer is checked
 * byte for byte (length and CRC-32).
 */
class StreamingIT {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private static HttpServer backend;
    private static ExecutorService executor;
    private static ChildGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        executor = Executors.newFixedThreadPool(4);
        backend.setExecutor(executor);
        backend.createContext("/upload", ex -> {
            CRC32 crc = new CRC32();
            long n = 0;
            byte[] buf = new byte[CHUNK];
            try (InputStream in = ex.getRequestBody()) {
                for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                    crc.update(buf, 0, r);
                    n += r;
                }
            }
            byte[] reply = ("{\"bytes\":" + n + ",\"crc\":" + crc.getValue() + "}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, reply.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply);
            }
        });
        backend.createContext("/download", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = ex.getResponseBody()) {
                byte[] buf = new byte[CHUNK];
                for (long sent = 0; sent < SIZE; sent += CHUNK) {
                    fill(buf, sent);
                    out.write(buf, 0, (int) Math.min(CHUNK, SIZE - sent));
                }
            }
        });
        backend.start();
        String base = "http://127.0.0.1:" + backend.getAddress().getPort();
        TestRepo repo = TestRepo.create()
                .deploymentToml("[transport.https]\nlistener.enabled = false\n")
                .api("Stream", """
                        <api xmlns="http://ws.apache.org/ns/synapse" name="Stream" context="/stream">
                          <resource methods="POST" uri-template="/upload">
                            <inSequence><send><endpoint><http uri-template="%1$s/upload"/></endpoint></send></inSequence>
                            <outSequence><send/></outSequence>
                          </resource>
                          <resource methods="POST" uri-template="/keyed-upload" inSequence="uploadByKey">
                            <outSequence><send/></outSequence>
                          </resource>
                          <resource methods="GET" uri-template="/download">
                            <inSequence><send><endpoint><http uri-template="%1$s/download"/></endpoint></send></inSequence>
                            <outSequence><send/></outSequence>
                          </resource>
                        </api>""".formatted(base))
                // A sequence used by key must not make the flow buffer the body: it streams too.
                .sequence("uploadByKey", """
                        <sequence xmlns="http://ws.apache.org/ns/synapse" name="uploadByKey">
                          <log level="custom"><property name="route" expression="get-property('To')"/></log>
                          <send><endpoint><http uri-template="%1$s/upload"/></endpoint></send>
                        </sequence>""".formatted(base));
        gateway = ChildGateway.start(repo, "-Xmx64m", "-XX:+UseSerialGC");
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            long[] heap = gateway.heapPeaksMiB();
            System.out.printf("gateway heap (-Xmx64m): peak before GC %d MiB, peak after GC %d MiB, committed %d MiB%n",
                    heap[0], heap[1], heap[2]);
            // The proof is that 200 MiB bodies pass through a 64 MiB heap at all; the figure after
            // GC also counts tenured garbage a young collection leaves, so it only gets a loose bound.
            assertTrue(heap[1] < 48, "heap after GC stayed well under the 64 MiB cap: " + heap[1]);
            gateway.close();
        }
        backend.stop(0);
        executor.shutdownNow();
    }

    /** A deterministic pattern: byte i of the stream is (i * 31 + i / 4093) mod 256. */
    private static void fill(byte[] buf, long offset) {
        for (int i = 0; i < buf.length; i++) {
            long p = offset + i;
            buf[i] = (byte) (p * 31 + p / 4093);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredMebibytesUpWithContentLength() throws Exception {
        upload(false);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredMebibytesUpChunked() throws Exception {
        upload(true);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredMebibytesUpThroughASequenceUsedByKey() throws Exception {
        upload(false, "/stream/keyed-upload");
    }

    private static void upload(boolean chunked) throws Exception {
        upload(chunked, "/stream/upload");
    }

    private static void upload(boolean chunked, String path) throws Exception {
        long t0 = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) URI.create(gateway.url(path)).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        c.setRequestProperty("Content-Type", "application/octet-stream");
        if (chunked) {
            c.setChunkedStreamingMode(CHUNK);
        } else {
            c.setFixedLengthStreamingMode(SIZE);
        }
        CRC32 crc = new CRC32();
        byte[] buf = new byte[CHUNK];
        try (OutputStream out = c.getOutputStream()) {
            for (long sent = 0; sent < SIZE; sent += CHUNK) {
                fill(buf, sent);
                crc.update(buf);
                out.write(buf);
            }
        }
        assertEquals(200, c.getResponseCode());
        String reply;
        try (InputStream in = c.getInputStream()) {
            reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("upload of %d MiB (%s) through the gateway: %d ms%n", SIZE >> 20,
                chunked ? "chunked" : "Content-Length", ms);
        assertEquals("{\"bytes\":" + SIZE + ",\"crc\":" + crc.getValue() + "}", reply);
        assertTrue(gateway.isAlive());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredMebibytesDown() throws Exception {
        long t0 = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) URI.create(gateway.url("/stream/download")).toURL()
                .openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(60_000);
        assertEquals(200, c.getResponseCode());
        CRC32 got = new CRC32();
        long n = 0;
        byte[] buf = new byte[CHUNK];
        try (InputStream in = c.getInputStream()) {
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                got.update(buf, 0, r);
                n += r;
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("download of %d MiB through the gateway: %d ms%n", SIZE >> 20, ms);
        CRC32 expected = new CRC32();
        for (long sent = 0; sent < SIZE; sent += CHUNK) {
            fill(buf, sent);
            expected.update(buf, 0, (int) Math.min(CHUNK, SIZE - sent));
        }
        assertEquals(SIZE, n);
        assertEquals(expected.getValue(), got.getValue());
        assertTrue(gateway.isAlive());
    }

}
