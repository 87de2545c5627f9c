package flags.store;

import flags.text.Quote;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output directory. Bodies go to uniquely named temporary files beside their final name and are moved
 * over it only when complete, so a reader never sees a partial file and an old file survives a failed download.
 * It also remembers which code saved which file name in this batch: two codes never silently share one file.
 */
public final class FlagStore {
    /** A temporary file being written, and the stream writing it (the caller closes the stream). */
    public record Temp(Path path, OutputStream out) {}

    private final Path dir;
    private final Disk disk;
    private final Map<Path, String> pending = new ConcurrentHashMap<>();
    private final Map<String, String> savedBy = new ConcurrentHashMap<>();

    public FlagStore(Path dir) {
        this(dir, Disk.local());
    }

    public FlagStore(Path dir, Disk disk) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.disk = Objects.requireNonNull(disk, "disk");
    }

    Path dir() {
        return dir;
    }

    /**
     * A new empty temporary file for {@code cc}, open for writing; {@code target} (the final name, or a
     * description when it is not known yet) is what an error names.
     */
    public Temp create(String cc, String target) throws StorageException {
        Path temp = dir.resolve(TempName.forThisProcess(cc).fileName());
        try {
            OutputStream out = disk.createNew(temp);
            pending.put(temp, cc);
            return new Temp(temp, out);
        } catch (IOException e) {
            throw StorageException.of("cannot write " + target, e);
        }
    }

    public long size(Path temp, String target) throws StorageException {
        try {
            return disk.size(temp);
        } catch (IOException e) {
            throw StorageException.of("cannot write " + target, e);
        }
    }

    /**
     * Moves a complete temporary file of {@code cc} over {@code fileName} in the directory, replacing a file from
     * an earlier run but never one another code of this batch saved.
     */
    public Path commit(String cc, Path temp, String fileName) throws StorageException {
        Path target;
        try {
            target = dir.resolve(fileName);
        } catch (InvalidPathException e) {
            throw StorageException.because("cannot save " + Quote.of(fileName), "not a file name on this system");
        }
        if (!dir.equals(target.getParent())) {
            throw StorageException.because(
                    "cannot save " + Quote.of(fileName), "it would be outside the output directory");
        }
        String first = savedBy.putIfAbsent(fileName, cc);
        if (first != null && !first.equals(cc)) {
            throw StorageException.because("cannot save " + fileName, "already saved for " + first + " in this batch");
        }
        try {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw StorageException.because("cannot save " + fileName, "a directory is in the way");
            }
            disk.replace(temp, target);
        } catch (IOException e) {
            savedBy.remove(fileName, cc);
            throw e instanceof StorageException s ? s : StorageException.of("cannot save " + fileName, e);
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
            disk.deleteIfExists(temp);
            pending.remove(temp);
        } catch (IOException | RuntimeException e) {
            // The original failure is what the user needs to hear about; discardAll tries again at the end.
        }
    }

    /** Deletes every temporary file of {@code cc} still there: the clean-up of a code that failed unexpectedly. */
    public void discardAll(String cc) {
        pending.forEach((temp, owner) -> {
            if (owner.equals(cc)) {
                discard(temp);
            }
        });
    }

    /** Deletes every temporary file still there; the last step of every batch, whatever happened in it. */
    public void discardAll() {
        pending.keySet().forEach(this::discard);
    }

    /**
     * Removes the temporary files of earlier runs that were killed before they could clean up (their process is
     * gone), and returns how many. Files of a process still running are never touched.
     */
    public int removeAbandoned() {
        int removed = 0;
        try {
            for (Path entry : disk.list(dir)) {
                Path name = entry.getFileName();
                if (name != null
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        && TempName.parse(name.toString())
                                .filter(TempName::abandoned)
                                .isPresent()) {
                    disk.deleteIfExists(entry);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers cost disk space only; the batch itself does not depend on removing them.
        }
        return removed;
    }
}
