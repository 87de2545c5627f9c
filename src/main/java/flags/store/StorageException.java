package flags.store;

import flags.text.Failures;
import java.io.IOException;

/** The output directory failed us (not writable, full, something in the way): never retried. */
public final class StorageException extends IOException {
    private static final long serialVersionUID = 1L;

    private StorageException(String message, IOException cause) {
        super(message, cause);
    }

    /** {@code cannot write bj.gif: no space left on device}: what, then the OS's reason. */
    static StorageException of(String what, IOException cause) {
        return new StorageException(what + ": " + Failures.describe(cause), cause);
    }

    static StorageException because(String what, String why) {
        return new StorageException(what + ": " + why, null);
    }
}
