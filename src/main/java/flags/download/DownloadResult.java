package flags.download;

import flags.Attempt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How one code ended: its status, the HTTP status of the last answer (0 when none came), the bytes saved,
 * the file written (null unless ok), each request it took ({@link Attempt}s), when it started and ended relative
 * to the batch start (null for a code that never started), the URL last asked (credentials hidden), and why it
 * failed (null unless error).
 */
public record DownloadResult(
        String cc,
        Status status,
        int httpStatus,
        long bytes,
        Path file,
        List<Attempt> requests,
        Duration started,
        Duration ended,
        String url,
        String error) {

    public DownloadResult {
        requests = List.copyOf(requests);
    }

    /** How many requests the code took; retries included, a stale connection's resend not. */
    public int attempts() {
        return requests.size();
    }

    /** Whether any request was a retry: {@code --names} alone makes two requests, none of them retried. */
    public boolean retried() {
        return requests.stream().anyMatch(Attempt::retry);
    }

    /** Stopped before it sent any request: queued when the batch was stopped, or never handed to the strategy. */
    public boolean neverStarted() {
        return status == Status.NOT_DONE && requests.isEmpty();
    }

    /** A code that never started because the batch was stopped first. */
    public static DownloadResult notRun(String cc) {
        return new DownloadResult(cc, Status.NOT_DONE, 0, 0, null, List.of(), null, null, null, null);
    }
}
