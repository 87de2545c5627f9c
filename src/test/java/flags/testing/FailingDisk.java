package flags.testing;

import flags.store.Disk;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The real disk, except that one step of saving one code's flag fails with the exception given: what a full
 * disk, a vanished directory or a bug in a file system driver looks like from the store.
 */
public final class FailingDisk implements Disk {
    /** The steps of saving a flag, in order. */
    public enum Step {
        CREATE,
        WRITE,
        CLOSE,
        SIZE,
        MOVE
    }

    private final Disk real = Disk.local();
    private final String victim;
    private final Step step;
    private final Supplier<? extends Exception> failure;

    /** Fails {@code step} for temporary files of code {@code cc} (lower case, as in their names). */
    public FailingDisk(String cc, Step step, Supplier<? extends Exception> failure) {
        this.victim = "." + cc.toLowerCase() + "-";
        this.step = step;
        this.failure = failure;
    }

    @Override
    public OutputStream createNew(Path file) throws IOException {
        boolean target = file.getFileName().toString().startsWith(victim);
        if (target && step == Step.CREATE) {
            fail();
        }
        OutputStream out = real.createNew(file);
        if (!target || (step != Step.WRITE && step != Step.CLOSE)) {
            return out;
        }
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (step == Step.WRITE) {
                    fail();
                }
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                super.close();
                if (step == Step.CLOSE) {
                    fail();
                }
            }
        };
    }

    @Override
    public long size(Path file) throws IOException {
        if (step == Step.SIZE && file.getFileName().toString().startsWith(victim)) {
            fail();
        }
        return real.size(file);
    }

    @Override
    public void replace(Path source, Path target) throws IOException {
        if (step == Step.MOVE && source.getFileName().toString().startsWith(victim)) {
            fail();
        }
        real.replace(source, target);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        real.deleteIfExists(file);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return real.list(dir);
    }

    private void fail() throws IOException {
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException(e);
    }
}
