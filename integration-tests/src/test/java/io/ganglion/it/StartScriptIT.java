package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code bin/ganglion.sh} as a user runs it: start on the default repository, curl, SIGTERM; and --validate. */
class StartScriptIT {

    private static final Path HOME = Path.of(System.getProperty("ganglion.home", "..")).toAbsolutePath().normalize();
    private static final Path SCRIPT = HOME.resolve("bin/ganglion.sh");

    @Test
    void startsOnTheDefaultRepositoryAnswersAndStopsCleanlyOnSigterm() throws Exception {
        Path repo = copyOfDefaultRepository();
        int port = Ports.closed();
        Process p = new ProcessBuilder(SCRIPT.toString(), "--repo", repo.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Boolean> started = watch(p, output, "Ganglion started");
        try {
            assertTrue(started.get(90, TimeUnit.SECONDS), "no start line in: " + output);
            var health = Http.get("http://127.0.0.1:" + port + "/health");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
            var order = Http.get("http://127.0.0.1:" + port + "/orders/42");
            assertEquals(200, order.statusCode(), order.body());
            assertTrue(order.body().contains("\"id\":\"42\""), order.body());
        } finally {
            p.destroy(); // SIGTERM
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server did not stop within 30 s of SIGTERM");
        assertEquals(0, p.exitValue(), "exit status after SIGTERM; output: " + output);
    }

    @Test
    void validateReportsEveryProblemWithItsLocationAndExits1() throws Exception {
        TestRepo repo = TestRepo.create()
                .api("Broken", "<api xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Broken\" context=\"/b\">\n"
                        + "  <resource methods=\"GET\">\n"
                        + "    <inSequence><sequence key=\"doesNotExist\"/></inSequence>\n"
                        + "  </resource>\n"
                        + "</api>\n")
                .sequence("Malformed", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Malformed\">\n  <log>\n</sequence>\n")
                .sequence("BadXPath", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"BadXPath\">\n"
                        + "  <log/>\n  <filter xpath=\"//order[\"><drop/></filter>\n</sequence>\n")
                .endpoint("WrongElement", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"Oops\"/>\n")
                .sequence("UnknownMediator", "<sequence xmlns=\"http://ws.apache.org/ns/synapse\" name=\"UnknownMediator\">\n"
                        + "  <frobnicate/>\n</sequence>\n");
        Process p = new ProcessBuilder(SCRIPT.toString(), "--validate", "--repo", repo.path().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("api/Broken.xml:3:"), out);
        assertTrue(out.contains("doesNotExist"), out);
        assertTrue(out.contains("sequences/Malformed.xml:3:"), out);
        assertTrue(out.contains("sequences/BadXPath.xml:3:"), out);
        assertTrue(out.contains("endpoints/WrongElement.xml:1:"), out);
        assertTrue(out.contains("sequences/UnknownMediator.xml:2:"), out);
        assertTrue(out.contains("frobnicate"), out);
    }

    @Test
    void validateAcceptsTheDefaultRepository() throws Exception {
        Process p = new ProcessBuilder(SCRIPT.toString(), "--validate").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private static Path copyOfDefaultRepository() throws IOException {
        Path src = HOME.resolve("repository");
        Path dst = Files.createTempDirectory("ganglion-default-repo");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = dst.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return dst;
    }

    private static CompletableFuture<Boolean> watch(Process p, List<String> output, String marker) {
        CompletableFuture<Boolean> seen = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains(marker)) {
                        seen.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            seen.complete(false);
        });
        t.setDaemon(true);
        t.start();
        return seen;
    }
}
