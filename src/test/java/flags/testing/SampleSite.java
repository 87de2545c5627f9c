package flags.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A copy of {@code flags-sample/} laid out as a web site serves it, {@code ROOT/flags/cc/cc.gif} and
 * {@code ROOT/flags/cc/metadata.json}: what a reader of the book puts behind {@code python3 -m http.server}.
 */
public final class SampleSite {
    private static final Path SAMPLE = Path.of("flags-sample");

    private SampleSite() {}

    /**
     * Copies the sample under {@code root/flags} and returns {@code root}. Directories get mode 0755 and files 0644,
     * and so do the temporary directories holding {@code root}, so a server that drops root privileges (Apache, nginx
     * workers) can read them.
     */
    public static Path create(Path root) throws IOException {
        Path flags = Files.createDirectories(root.resolve("flags"));
        try (Stream<Path> entries = Files.walk(SAMPLE)) {
            entries.forEach(from -> {
                Path to = flags.resolve(SAMPLE.relativize(from).toString());
                try {
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                    Files.setPosixFilePermissions(
                            to, PosixFilePermissions.fromString(Files.isDirectory(to) ? "rwxr-xr-x" : "rw-r--r--"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        for (Path dir = root.toRealPath(); dir.startsWith(tmp) && !dir.equals(tmp); dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return root;
    }

    /** The bytes of a sample file, {@code cc/cc.gif} or {@code cc/metadata.json}. */
    public static byte[] sample(String relative) throws IOException {
        return Files.readAllBytes(SAMPLE.resolve(relative));
    }
}
