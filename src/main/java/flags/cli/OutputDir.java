package flags.cli;

import flags.text.Failures;
import flags.text.Quote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks {@code -o} (and {@code --timeline}) before anything is written, and makes {@code -o} ready once every
 * option is known good: created if missing, and proved writable by writing in it, because only the OS knows
 * (a read-only mount, a directory without the x bit, {@code /proc}, root's exemptions) and it says why.
 */
final class OutputDir {
    private OutputDir() {}

    /** Throws {@link UsageException} when {@code dir} cannot be used; creates nothing. */
    static void check(Path dir) {
        if (dir.toString().isEmpty()) {
            throw new UsageException("-o: the directory name is empty (use -o . for the current directory)");
        }
        Path p = dir.toAbsolutePath().normalize();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException("output " + Quote.of(dir.toString()) + " is a file, not a directory");
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UsageException("output " + Quote.of(dir.toString()) + " is under a file: " + existing);
        }
    }

    /**
     * Creates {@code dir} if missing and writes (then removes) a probe file in it; {@link UsageException} with the
     * OS's reason if either fails. Called after every other check, before the first line of output.
     */
    static void prepare(Path dir) {
        String shown = Quote.of(dir.toString());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot create output " + shown + ": " + Failures.describe(e));
        }
        Path probe;
        try {
            probe = Files.createTempFile(dir, ".flags-probe-", ".tmp");
        } catch (IOException e) {
            throw new UsageException("cannot write in output " + shown + ": " + Failures.describe(e));
        }
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            throw new UsageException("cannot remove files in output " + shown + ": " + Failures.describe(e));
        }
    }

    /** Checks a {@code --timeline} file before any download: .svg or .png, in a writable directory. */
    static void checkTimeline(Path timeline) {
        checkPicture("--timeline", timeline);
    }

    /** Checks a picture an option will draw: .svg or .png, and a file that can be written ({@link #checkFile}). */
    static void checkPicture(String option, Path file) {
        if (file == null) {
            return;
        }
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            throw new UsageException(option + " file must end in .svg or .png: " + Quote.of(file.toString()));
        }
        checkFile(option, file);
    }

    /** Checks a file an option will write: not a directory, in a directory that exists and is writable. */
    static void checkFile(String option, Path file) {
        if (file == null) {
            return;
        }
        Path dir;
        try {
            dir = file.toAbsolutePath().getParent();
        } catch (InvalidPathException e) {
            throw new UsageException(option + " " + Quote.of(file.toString()) + ": not a file name here");
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException(option + " " + Quote.of(file.toString()) + ": no writable directory " + dir);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + Quote.of(file.toString()) + " is a directory, not a file");
        }
    }
}
