package flags.report;

import flags.download.DownloadResult;
import flags.download.Status;
import java.time.Duration;
import java.util.List;

/**
 * A finished (or stopped) batch: which strategy ran it at what concurrency, the codes asked for, one result per
 * code asked for (those that ended in completion order, then those that never started), and the wall time.
 */
public record BatchReport(
        String strategy, int concurrency, List<String> requested, List<DownloadResult> results, Duration elapsed) {

    public BatchReport {
        requested = List.copyOf(requested);
        results = List.copyOf(results);
    }

    /** Codes that ended in {@code status}. */
    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** Codes that did not end: stopped by Ctrl-C, or never started. */
    public long notDone() {
        return requested.size() - count(Status.OK) - count(Status.NOT_FOUND) - count(Status.ERROR);
    }

    /** Codes stopped before they sent any request (a stopped batch prints one -v line for them all). */
    public long notStarted() {
        return requested.size()
                - results.stream().filter(r -> !r.neverStarted()).count();
    }

    /** The largest number of requests open at once: the concurrency the batch really reached. */
    public int maxInFlight() {
        return InFlight.max(results);
    }
}
