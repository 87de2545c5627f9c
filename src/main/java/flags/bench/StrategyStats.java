package flags.bench;

import flags.report.BatchReport;
import java.time.Duration;
import java.util.List;

/**
 * What one strategy's recorded runs come to, a row of every format: its statistics, the counts of its median run, its
 * speed claims and its cost.
 *
 * @param recorded    recorded runs that ran to the end
 * @param failedRuns  how many of those had an error (or a code that did not end)
 * @param runs        how many runs the timings come from: the runs without errors, or every recorded run when
 *                    all of them failed
 * @param mean        mean wall time of those runs; {@code stddev} their sample standard deviation (n - 1), null
 *                    for a single run
 * @param median      median wall time of those runs (mean of the two middle ones for an even count)
 * @param ok          {@code ok}, {@code notFound}, {@code errors} and {@code maxInFlight} are those of
 *                    {@code medianRun}
 * @param medianRun   the run at the median (the lower middle one for an even count), drawn by --timeline
 * @param ideal       the shortest possible batch (see {@link BenchStats#ideal}); null when the server's delay is
 *                    unknown
 * @param speedup     seq median / this median; null when seq did not run, or either had failed runs
 * @param efficiency  ideal / median; null without an ideal (or with an ideal of zero), or with failed runs
 * @param cost        the client side's cost per run, over the runs the timings come from; null when not measured
 * @param recordedRuns every recorded run in the order it ran, failed ones included
 */
record StrategyStats(
        String strategy,
        int concurrency,
        int recorded,
        int failedRuns,
        int runs,
        Duration mean,
        Duration stddev,
        Duration median,
        Duration min,
        Duration max,
        long ok,
        long notFound,
        long errors,
        int maxInFlight,
        BatchReport medianRun,
        Duration ideal,
        Double speedup,
        Double efficiency,
        ClientCost cost,
        List<BatchReport> recordedRuns) {

    public StrategyStats {
        recordedRuns = List.copyOf(recordedRuns);
    }

    /** Every recorded run had an error, so the timings had to include failed runs. */
    public boolean allFailed() {
        return recorded > 0 && failedRuns == recorded;
    }

    /** Whether a speed can be claimed for this strategy: only when none of its recorded runs failed. */
    public boolean clean() {
        return failedRuns == 0;
    }
}
