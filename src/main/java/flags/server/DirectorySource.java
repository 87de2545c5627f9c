package flags.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves files of one directory. Each file's real path (symbolic links resolved) must lie under the
 * directory's real path, so a link leading out of it is answered as if the file did not exist.
 */
final class DirectorySource implements FlagSource {

    /** A flag or metadata file is a few KB; anything this big is not one, and is not read into memory. */
    static final long MAX_FILE_BYTES = 16L << 20;

    private final Path root;

    DirectorySource(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        this.root = dir.toRealPath();
    }

    @Override
    public Optional<byte[]> read(String cc, String file) throws IOException {
        Path real;
        try {
            real = root.resolve(cc).resolve(file).toRealPath();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        }
        if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (Files.size(real) > MAX_FILE_BYTES) {
            throw new IOException("file too large to serve: " + real);
        }
        return Optional.of(Files.readAllBytes(real));
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
