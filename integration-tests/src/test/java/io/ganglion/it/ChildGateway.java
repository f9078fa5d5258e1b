package io.ganglion.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ganglion in a child JVM with JVM options of the test's choosing (e.g. a small {@code -Xmx}), on
 * free ports, with its GC log kept so a test can report how much heap it used. Thread-safe.
 */
final class ChildGateway implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Ganglion started: listening on http://[^:]+:(\\d+)");
    /** A G1 or serial GC log line: "... 30M->5M(64M) ...". */
    private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Path gcLog;
    private final int port;

    private ChildGateway(Process process, Path gcLog, int port) {
        this.process = process;
        this.gcLog = gcLog;
        this.port = port;
    }

    /** Starts Ganglion on {@code repo} with {@code jvmOptions}; waits (up to 60 s) for its start line. */
    static ChildGateway start(TestRepo repo, String... jvmOptions) throws Exception {
        Path gcLog = Files.createTempFile("ganglion-gc", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.ganglion.server.Main",
                "--repo", repo.path().toString(), "--port", "0"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ChildGateway child = null;
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            port.complete(-1);
        }, "child-gateway-output");
        reader.setDaemon(true);
        reader.start();
        int bound = port.get(60, TimeUnit.SECONDS);
        if (bound < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the gateway did not start: " + lines);
        }
        child = new ChildGateway(p, gcLog, bound);
        synchronized (lines) {
            child.output.addAll(lines);
        }
        return child;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The largest heap in use before and after a collection, in MiB, from the GC log: {before, after, committed}. */
    long[] heapPeaksMiB() throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return new long[] {before, after, committed};
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(gcLog);
    }
}
