package flags.download;

import flags.Attempt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How one code ended: its status, what it saved, each request it took, when, and why it failed. */
public record DownloadResult(
        String cc,
        Status status,
        // of the last answer: 0 when none came
        int httpStatus,
        // saved
        long bytes,
        // written: null unless ok
        Path file,
        List<Attempt> requests,
        // relative to the batch start: null for a code that never started
        Duration started,
        Duration ended,
        // last asked, credentials hidden
        String url,
        // why it failed: null unless error
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
