package flags.report;

import flags.download.DownloadResult;
import flags.download.FlagClient;
import flags.download.Status;
import java.time.Duration;
import java.util.List;

/**
 * A finished (or interrupted) batch: which strategy ran it at what concurrency, the codes asked for, the
 * results of the codes that ended, in completion order, and the wall time.
 */
public record BatchReport(String strategy, int concurrency, List<String> requested, List<DownloadResult> results,
                          Duration elapsed) {

    public BatchReport {
        requested = List.copyOf(requested);
        results = List.copyOf(results);
    }

    /** Codes that ended in {@code status}; codes cut short by Ctrl-C are "not done", not errors. */
    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status && !stopped(r)).count();
    }

    /** Codes requested that did not end: never started, or stopped by Ctrl-C. */
    public long notDone() {
        return requested.size() - count(Status.OK) - count(Status.NOT_FOUND) - count(Status.ERROR);
    }

    private static boolean stopped(DownloadResult r) {
        return FlagClient.INTERRUPTED.equals(r.error());
    }
}
