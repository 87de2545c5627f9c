package flags.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks {@code -o} before anything is written, and creates it only once every other option is known good. */
final class OutputDir {
    private OutputDir() {}

    /** Throws {@link UsageException} when {@code dir} cannot be used; creates nothing. */
    static void check(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException("output " + dir + " is a file, not a directory");
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UsageException("output " + dir + " is under a file: " + existing);
        }
        if (!Files.isWritable(existing)) {
            throw new UsageException("output " + dir + " is not writable: " + existing);
        }
    }

    static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot create output " + dir + ": " + e.getMessage());
        }
    }
}
