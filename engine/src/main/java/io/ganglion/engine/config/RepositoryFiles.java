package io.ganglion.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds files that artifacts point to ({@code <localEntry src>}, {@code <publishWSDL uri>}):
 * {@code file:} URLs or plain paths, absolute or relative to the repository. Synapse resolved
 * relative paths against its home, the repository's parent, so that is tried second.
 * Thread-safe: immutable.
 */
public final class RepositoryFiles {

    private final Path repository;

    public RepositoryFiles(Path repository) {
        this.repository = repository;
    }

    /** The repository folder. */
    public Path repository() {
        return repository;
    }

    /**
     * The file a reference names.
     *
     * @throws IllegalArgumentException for a URL that is not a local file, or a path that does not exist
     */
    public Path resolve(String reference) {
        String ref = reference.trim();
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file://")) {
            ref = ref.substring("file://".length());
        } else if (lower.startsWith("file:")) {
            ref = ref.substring("file:".length());
        } else if (lower.matches("^[a-z][a-z0-9+.-]+:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
            throw new IllegalArgumentException("'" + reference + "' is not a local file; only file: URLs and paths"
                    + " are supported");
        }
        try {
            Path p = Path.of(ref);
            if (p.isAbsolute()) {
                return existing(p, reference);
            }
            Path inRepository = repository.resolve(p);
            if (Files.exists(inRepository)) {
                return inRepository;
            }
            Path home = repository.toAbsolutePath().getParent();
            if (home != null && Files.exists(home.resolve(p))) {
                return home.resolve(p);
            }
            return existing(inRepository, reference);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + reference + "' is not a valid path", e);
        }
    }

    private static Path existing(Path p, String reference) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("file '" + reference + "' does not exist (looked for " + p + ")");
        }
        return p;
    }

    /** The bytes of the file a reference names. */
    public byte[] read(String reference) {
        Path p = resolve(reference);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read '" + p + "': " + e.getMessage(), e);
        }
    }
}
