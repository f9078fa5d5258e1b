package io.ganglion.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void validateAnEmptyRepository(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("conf/synapse-config"));
        assertEquals(0, run("--validate", "--repo", repo.toString()));
        assertEquals("repository OK", out.toString().strip());
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, run("-h"));
        String usage = out.toString();
        assertTrue(usage.contains("--repo=DIR"), usage);
        assertTrue(usage.contains("--validate"), usage);
        assertTrue(usage.contains("--port=N"), usage);
    }

    @Test
    void badUsageExits2() {
        assertEquals(2, run("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
        assertEquals(2, run("--port", "eighty"));
    }

    @Test
    void portOutOfRangeExits2(@TempDir Path repo) {
        assertEquals(2, run("--repo", repo.toString(), "--port", "70000"));
        assertTrue(err.toString().contains("--port"), err.toString());
    }

    @Test
    void missingRepositoryExits2(@TempDir Path dir) {
        assertEquals(2, run("--validate", "--repo", dir.resolve("nope").toString()));
        assertTrue(err.toString().contains("repository folder not found"), err.toString());
    }

    @Test
    void badDeploymentTomlExits2(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("conf"));
        Files.writeString(repo.resolve("conf/deployment.toml"), "[transport.http]\nlistner.port = 1\n");
        assertEquals(2, run("--repo", repo.toString(), "--port", "0"));
        assertEquals("deployment.toml: unknown key 'transport.http.listner.port'", err.toString().strip());
    }
}
