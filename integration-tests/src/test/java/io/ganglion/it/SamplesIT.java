package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ganglion.engine.config.ConfigProblem;
import io.ganglion.engine.config.RepositoryLoader;
import io.ganglion.transport.http.listener.RawClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code samples/NN-*} folder: it loads without problems, it is documented, and each call of
 * its README's "Call it" table, sent to the server started on a copy of the folder, gets the answer
 * the README gives (see {@link ReadmeCalls}). A new sample is picked up without changing this test.
 */
class SamplesIT {

    private static final Path HOME = Path.of(System.getProperty("ganglion.home", "..")).toAbsolutePath().normalize();
    private static final Path SAMPLES = HOME.resolve("samples");

    @TestFactory
    Stream<DynamicNode> everySample() {
        List<Path> samples = samples();
        assertFalse(samples.isEmpty(), "no samples/NN-* folder under " + SAMPLES);
        return samples.stream().map(sample -> dynamicContainer(sample.getFileName().toString(), Stream.of(
                dynamicTest("loads without problems", () -> loadsWithoutProblems(sample)),
                dynamicTest("is documented", () -> isDocumented(sample)),
                dynamicTest("answers the README's calls", () -> answersTheReadmeCalls(sample)))));
    }

    static List<Path> samples() {
        try (Stream<Path> children = Files.list(SAMPLES)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("\\d\\d-.+"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void loadsWithoutProblems(Path sample) {
        List<ConfigProblem> problems = RepositoryLoader.load(sample).problems();
        assertTrue(problems.isEmpty(), () -> problems.stream().map(ConfigProblem::toString)
                .collect(Collectors.joining("\n")));
    }

    private static void isDocumented(Path sample) throws IOException {
        String name = sample.getFileName().toString();
        assertTrue(Files.isRegularFile(sample.resolve("conf/deployment.toml")), name + " has no conf/deployment.toml");
        String readme = Files.readString(sample.resolve("README.md"));
        assertTrue(readme.contains("## Run it"), name + "/README.md has no '## Run it' section");
        assertTrue(readme.contains("./bin/ganglion.sh --repo samples/" + name), name + "/README.md does not say how to run it");
        assertTrue(readme.contains("## Call it"), name + "/README.md has no '## Call it' section");
        assertTrue(Files.readString(SAMPLES.resolve("README.md")).contains("(" + name + "/)"),
                "samples/README.md does not list " + name);
        assertTrue(Files.readString(HOME.resolve("README.md")).contains("(samples/" + name + "/)"),
                "README.md's Samples section does not list " + name);
    }

    private static void answersTheReadmeCalls(Path sample) {
        List<ReadmeCalls.Call> calls = ReadmeCalls.read(sample.resolve("README.md"));
        assertFalse(calls.isEmpty(), sample.getFileName() + "/README.md documents no curl call under '## Call it'");
        // A copy: the server may write into its repository (a generated key store).
        TestRepo copy = TestRepo.copyOf(sample);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (Gateway gw = Gateway.start(copy)) {
                // In the README's order: some answers depend on earlier calls (round robin, suspension).
                for (ReadmeCalls.Call call : calls) {
                    check(call, ReadmeCalls.send(call.request(), gw.port()));
                }
            }
        });
    }

    private static void check(ReadmeCalls.Call call, RawClient.Response r) {
        String context = call.where() + ": " + call.command() + "\n  answered " + r.statusLine() + " " + r.headers()
                + "\n  " + r.text();
        assertEquals(call.status(), r.status(), context);
        for (Map.Entry<String, String> h : call.headers().entrySet()) {
            String actual = r.header(h.getKey());
            assertTrue(actual != null && actual.startsWith(h.getValue()),
                    "header " + h.getKey() + " should start with '" + h.getValue() + "'; " + context);
        }
        if (call.body() != null) {
            assertTrue(call.body().matcher(r.text().strip()).matches(),
                    "the body should be " + call.bodyAsWritten() + "; " + context);
        }
    }
}
