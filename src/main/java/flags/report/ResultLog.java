package flags.report;

import flags.download.DownloadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects results in completion order, from whichever threads a strategy completes them on, and hands each
 * to a listener (progress bar, -v lines) under the same lock so listeners need no locking of their own.
 */
public final class ResultLog implements Consumer<DownloadResult> {
    private final List<DownloadResult> results = new ArrayList<>();
    private final Consumer<DownloadResult> listener;

    public ResultLog(Consumer<DownloadResult> listener) {
        this.listener = listener;
    }

    public ResultLog() {
        this(r -> {});
    }

    @Override
    public synchronized void accept(DownloadResult result) {
        results.add(result);
        listener.accept(result);
    }

    /** The batch as a report: every code requested, those that never started as not done. */
    public synchronized BatchReport report(String strategy, int concurrency, List<String> requested, Duration elapsed) {
        List<DownloadResult> all = new ArrayList<>(results);
        Set<String> ended = new HashSet<>();
        results.forEach(r -> ended.add(r.cc()));
        for (String cc : requested) {
            if (!ended.contains(cc)) {
                all.add(DownloadResult.notRun(cc));
            }
        }
        return new BatchReport(strategy, concurrency, requested, all, elapsed);
    }
}
