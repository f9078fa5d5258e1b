package io.ganglion.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A repository folder written by a test: artifacts go into the Synapse multi-file layout. */
final class TestRepo {

    static final String NS = "http://ws.apache.org/ns/synapse";

    private final Path root;

    private TestRepo(Path root) {
        this.root = root;
    }

    static TestRepo create() {
        try {
            Path root = Files.createTempDirectory("ganglion-it-repo");
            Files.createDirectories(root.resolve("conf/synapse-config"));
            return new TestRepo(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of an existing repository folder (a sample) in a new temporary folder, so a server
     * started on it writes nothing (such as a generated key store) into the original.
     */
    static TestRepo copyOf(Path source) {
        try {
            Path root = Files.createTempDirectory("ganglion-it-copy");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path to = root.resolve(source.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            }
            return new TestRepo(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return root;
    }

    TestRepo api(String name, String xml) {
        return write("api/" + name + ".xml", xml);
    }

    TestRepo sequence(String name, String xml) {
        return write("sequences/" + name + ".xml", xml);
    }

    TestRepo endpoint(String name, String xml) {
        return write("endpoints/" + name + ".xml", xml);
    }

    TestRepo proxy(String name, String xml) {
        return write("proxy-services/" + name + ".xml", xml);
    }

    TestRepo localEntry(String name, String xml) {
        return write("local-entries/" + name + ".xml", xml);
    }

    TestRepo synapseXml(String xml) {
        return write("synapse.xml", xml);
    }

    TestRepo deploymentToml(String toml) {
        try {
            Files.writeString(root.resolve("conf/deployment.toml"), toml);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file relative to the repository folder (scripts, WSDLs and other files artifacts point to). */
    TestRepo repositoryFile(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file under conf/synapse-config. */
    TestRepo write(String relative, String content) {
        try {
            Path file = root.resolve("conf/synapse-config").resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
