package flags.bench;

import flags.report.BatchReport;
import java.time.Duration;

/**
 * One strategy's line of the benchmark (SPEC §6).
 *
 * @param recorded    recorded runs that ran to the end
 * @param failedRuns  how many of those had an error (or a code that did not end)
 * @param runs        how many runs the timings come from: the runs without errors, or every recorded run when
 *                    all of them failed
 * @param median      median wall time of those runs (mean of the two middle ones for an even count)
 * @param ok          {@code ok}, {@code notFound}, {@code errors} and {@code maxInFlight} are those of
 *                    {@code medianRun}
 * @param medianRun   the run at the median (the lower middle one for an even count), drawn by --timeline
 * @param ideal       ⌈N / c⌉ × requests per code × (delay + jitter/2); null when the server's delay is unknown
 * @param speedup     seq median / this median; null when seq did not run
 * @param efficiency  ideal / median; null without an ideal (or with an ideal of zero)
 */
public record StrategyStats(String strategy, int concurrency, int recorded, int failedRuns, int runs,
                            Duration median, Duration min, Duration max,
                            long ok, long notFound, long errors, int maxInFlight, BatchReport medianRun,
                            Duration ideal, Double speedup, Double efficiency) {

    /** Every recorded run had an error, so the timings had to include failed runs. */
    public boolean allFailed() {
        return recorded > 0 && failedRuns == recorded;
    }
}
