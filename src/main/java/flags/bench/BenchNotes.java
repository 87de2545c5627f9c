package flags.bench;

import flags.report.BatchReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The text around the numbers, after hyperfine: a closing summary ("async ran 1.52 times faster than threads
 * (p < 0.001)") and warnings about runs that make the numbers doubtful (failed runs, a wide spread, a slow first run).
 */
final class BenchNotes {
    /** Warn when (max - min) / median of a strategy's timed runs is above this. */
    public static final double WIDE_SPREAD = 0.20;
    /** Warn when the first timed run is this many times slower than the median of the timed runs (3+ runs). */
    public static final double SLOW_FIRST_RUN = 1.5;

    private BenchNotes() {}

    /**
     * hyperfine's summary, by median as the speedup column: how many times faster the fastest strategy ran than
     * each other strategy, fastest first, with the p-value of Welch's t test on their runs; a difference the runs
     * cannot tell from noise (p of {@link BenchStats#SIGNIFICANCE} or more) is said to be none. A strategy with failed runs is in no comparison, only named.
     * Empty with fewer than two strategies.
     */
    public static List<String> summary(Comparison result) {
        if (result.strategies().size() < 2) {
            return List.of();
        }
        List<StrategyStats> byMedian = result.strategies().stream()
                .filter(StrategyStats::clean)
                .sorted(Comparator.comparing(StrategyStats::median))
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add("Summary");
        if (byMedian.size() >= 2) {
            StrategyStats fastest = byMedian.get(0);
            for (StrategyStats other : byMedian.subList(1, byMedian.size())) {
                lines.add("  " + comparison(fastest, other));
            }
        }
        for (StrategyStats s : result.strategies()) {
            if (!s.clean()) {
                lines.add(String.format(
                        Locale.ROOT,
                        "  no speed claim for %s: %d of %d recorded run%s failed",
                        s.strategy(),
                        s.failedRuns(),
                        s.recorded(),
                        s.recorded() == 1 ? "" : "s"));
            }
        }
        return lines.size() == 1 ? List.of() : lines;
    }

    /**
     * "threads ran 1.52 times faster than async (p < 0.001)", "threads and async: no measurable difference (p =
     * 0.43)", or the ratio alone when a side has a single run and there is nothing to test.
     */
    private static String comparison(StrategyStats fastest, StrategyStats other) {
        String faster = String.format(
                Locale.ROOT,
                "%s ran %.2f times faster than %s",
                fastest.strategy(),
                BenchStats.relative(other, fastest).value(),
                other.strategy());
        OptionalDouble p = BenchStats.pValue(fastest, other);
        if (p.isEmpty()) {
            return faster + " (a single run: not tested)";
        }
        String pText = p.getAsDouble() < 0.001 ? "p < 0.001" : "p = " + decimals(p.getAsDouble());
        if (p.getAsDouble() >= BenchStats.SIGNIFICANCE) {
            return fastest.strategy() + " and " + other.strategy() + ": no measurable difference (" + pText + ")";
        }
        return faster + " (" + pText + ")";
    }

    /** 0.43, and three decimals near the threshold, where two would round 0.049 up to it. */
    private static String decimals(double p) {
        return String.format(Locale.ROOT, p < 0.1 ? "%.3f" : "%.2f", p);
    }

    /** Warnings, one line each, strategy by strategy in the order given. */
    public static List<String> warnings(List<RecordedRuns> all) {
        List<String> out = new ArrayList<>();
        for (RecordedRuns r : all) {
            if (!r.recorded().isEmpty()) {
                failedRuns(r).ifPresent(out::add);
                List<Duration> times = BenchStats.timed(r.reports()).stream()
                        .map(BatchReport::elapsed)
                        .toList();
                slowFirstRun(r.strategy(), times).ifPresent(out::add);
                wideSpread(r.strategy(), times).ifPresent(out::add);
            }
        }
        return out;
    }

    static Optional<String> failedRuns(RecordedRuns r) {
        long failed = r.reports().stream().filter(BenchStats::failed).count();
        int n = r.recorded().size();
        if (failed == 0) {
            return Optional.empty();
        }
        if (failed == n) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "%s: %s had errors; its timings and counts are those of failed runs",
                    r.strategy(),
                    n == 1 ? "its only recorded run" : "all " + n + " recorded runs"));
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%s: %d of %d recorded runs had errors and are left out of the statistics",
                r.strategy(),
                failed,
                n));
    }

    static Optional<String> slowFirstRun(String strategy, List<Duration> times) {
        if (times.size() < 3) {
            return Optional.empty();
        }
        Duration first = times.get(0);
        Duration median = BenchStats.median(times); // the table's median: the first run in it, as everywhere
        if (BenchStats.seconds(first) <= SLOW_FIRST_RUN * BenchStats.seconds(median)) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%s: the first recorded run (%.3f s) was much slower than the median (%.3f s): "
                        + "still warming up? Try a higher --warmup",
                strategy,
                BenchStats.seconds(first),
                BenchStats.seconds(median)));
    }

    static Optional<String> wideSpread(String strategy, List<Duration> times) {
        if (times.size() < 2) {
            return Optional.empty();
        }
        Duration median = BenchStats.median(times);
        Duration min = times.stream().min(Comparator.naturalOrder()).orElseThrow();
        Duration max = times.stream().max(Comparator.naturalOrder()).orElseThrow();
        Double spread = BenchStats.ratio(max.minus(min), median);
        if (spread == null || spread <= WIDE_SPREAD) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%s: runs ranged from %.3f s to %.3f s (%.0f%% of the median): other programs at work? "
                        + "Try more --runs on a quieter machine",
                strategy,
                BenchStats.seconds(min),
                BenchStats.seconds(max),
                spread * 100));
    }
}
