package io.ganglion.bench;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.RepositoryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a configuration from API artifacts written to a temporary repository. */
final class Repositories {

    private Repositories() {}

    static Configuration load(String... apis) {
        try {
            Path repo = Files.createTempDirectory("ganglion-bench");
            Path dir = Files.createDirectories(repo.resolve("conf/synapse-config/api"));
            for (int i = 0; i < apis.length; i++) {
                Files.writeString(dir.resolve("Api" + i + ".xml"), apis[i]);
            }
            RepositoryLoader.Result r = RepositoryLoader.load(repo);
            if (!r.ok()) {
                throw new IllegalStateException(r.problems().toString());
            }
            return r.configuration();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
