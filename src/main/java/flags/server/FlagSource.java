package flags.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the served files come from: a directory on disk or a classpath prefix (the sample inside the jar). */
interface FlagSource {

    /**
     * The bytes of {@code cc/file}, or empty when there is no such file inside the store.
     * Callers pass only a validated lower-case code and file name.
     */
    Optional<byte[]> read(String cc, String file) throws IOException;

    /** Files of {@code dir}, read on each request (so edits show at once), never outside its real path. */
    static FlagSource directory(Path dir) throws IOException {
        return new DirectorySource(dir);
    }

    /** Resources under {@code prefix} (ending in {@code /}) of {@code loader}, read once and kept in memory. */
    static FlagSource classpath(ClassLoader loader, String prefix) {
        return new ClasspathSource(loader, prefix);
    }
}
