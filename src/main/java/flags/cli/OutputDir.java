package flags.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Checks {@code -o} (and {@code --timeline}) before anything is written; creates {@code -o} only once every option is known good. */
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

    /** Checks a {@code --timeline} file before any download: .svg or .png, in a writable directory. */
    static void checkTimeline(Path timeline) {
        if (timeline == null) {
            return;
        }
        String name = timeline.getFileName() == null ? "" : timeline.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            throw new UsageException("--timeline file must end in .svg or .png: " + timeline);
        }
        Path dir = timeline.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException("--timeline " + timeline + ": no writable directory " + dir);
        }
    }
}
