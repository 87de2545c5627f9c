package flags.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file operations a {@link FlagStore} makes, one method per step of saving a flag, so that a test can make
 * any step fail (a full disk, a vanished directory) and check that nothing is left behind.
 */
public interface Disk {
    /** Creates a new file and opens it for writing; the OS gives it the user's mode (0666 minus the umask). */
    OutputStream createNew(Path file) throws IOException;

    long size(Path file) throws IOException;

    /** Moves {@code source} over {@code target} atomically, replacing what was there. */
    void replace(Path source, Path target) throws IOException;

    void deleteIfExists(Path file) throws IOException;

    List<Path> list(Path dir) throws IOException;

    /** The real file system. */
    static Disk local() {
        return Local.INSTANCE;
    }

    /** {@link Disk} on {@link Files}. */
    enum Local implements Disk {
        INSTANCE;

        @Override
        public OutputStream createNew(Path file) throws IOException {
            // Not Files.createTempFile: it forces mode 0600, which a later move would give the saved flag too.
            return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public long size(Path file) throws IOException {
            return Files.size(file);
        }

        @Override
        public void replace(Path source, Path target) throws IOException {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void deleteIfExists(Path file) throws IOException {
            Files.deleteIfExists(file);
        }

        @Override
        public List<Path> list(Path dir) throws IOException {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.toList();
            }
        }
    }
}
