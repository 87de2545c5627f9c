package flags.download;

import java.util.Locale;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output directory. Bodies go to uniquely named temporary files beside their final name and are moved
 * over it only when complete, so a reader never sees a partial file and an old file survives a failed download.
 */
public final class FlagStore {
    private final Path dir;
    private final Set<Path> pending = ConcurrentHashMap.newKeySet();

    public FlagStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A new empty temporary file for {@code cc}, hidden (dot name) so globbing for *.gif never sees it. */
    public Path newTemp(String cc) throws IOException {
        Path temp = Files.createTempFile(dir, "." + cc.toLowerCase(Locale.ROOT) + "-", ".part");
        pending.add(temp);
        return temp;
    }

    /**
     * Moves a complete temporary file to {@code fileName} in the directory, replacing what was there.
     * The exception says why, not which file: the caller names it.
     */
    public Path commit(Path temp, String fileName) throws IOException {
        Path target = dir.resolve(fileName);
        if (!target.getParent().equals(dir)) {
            throw new IOException("it would be outside the output directory");
        }
        if (Files.isDirectory(target)) {
            throw new IOException("a directory is in the way");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot replace it atomically", e);
        }
        pending.remove(temp);
        return target;
    }

    /** Deletes a temporary file that will not be committed; never throws, since it runs on failure paths. */
    public void discard(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The original failure is what the user needs to hear about; a leftover is cleaned by discardAll.
        }
        pending.remove(temp);
    }

    /** Deletes every temporary file still open, for Ctrl-C and other aborts. */
    public void discardAll() {
        for (Path temp : Set.copyOf(pending)) {
            discard(temp);
        }
    }
}
