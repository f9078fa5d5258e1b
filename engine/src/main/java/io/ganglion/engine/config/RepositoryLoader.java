package io.ganglion.engine.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads a repository's {@code conf/synapse-config} (multi-file layout and/or {@code synapse.xml})
 * into a {@link Configuration}. PLACEHOLDER until the repository loader lands.
 * Thread-safe: stateless.
 */
public final class RepositoryLoader {

    /** The outcome: the configuration built from every valid artifact, and every problem found. */
    public record Result(Configuration configuration, List<ConfigProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private RepositoryLoader() {}

    /**
     * Loads {@code repository} (the folder holding {@code conf/}). Broken artifacts are reported
     * in the result's problems and left out; the rest still loads.
     */
    public static Result load(Path repository) {
        return new Result(Configuration.builder().build(), List.of());
    }
}
