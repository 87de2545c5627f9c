package flags.download;

import java.io.IOException;

/** The output directory failed us (not writable, full, something in the way): never retried. */
final class StorageException extends IOException {
    StorageException(String message, IOException cause) {
        super(message + ": " + describe(cause), cause);
    }

    private static String describe(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return reason;
    }
}
