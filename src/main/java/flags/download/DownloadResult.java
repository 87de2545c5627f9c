package flags.download;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How one code ended: its status, the HTTP status of the last answer (0 when none came), the bytes saved,
 * the file written (null unless ok), how many requests it took, when it ran relative to the batch start,
 * and why it failed (null unless error).
 */
public record DownloadResult(
        String cc,
        Status status,
        int httpStatus,
        long bytes,
        Path file,
        int attempts,
        Duration started,
        Duration ended,
        String error) {

    /** A code that never ran because the batch was interrupted or cancelled first. */
    public static DownloadResult notRun(String cc, String why, Duration at) {
        return new DownloadResult(cc, Status.ERROR, 0, 0, null, 0, at, at, why);
    }
}
