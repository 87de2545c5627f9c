package flags.bench;

import flags.report.BatchReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text around the numbers, after hyperfine: a closing summary ("async ran 17.30x faster than seq") and
 * warnings about runs that make the numbers doubtful (failed runs, a wide spread, a slow first run).
 */
public final class BenchNotes {
    /** Warn when (max - min) / median of a strategy's timed runs is above this. */
    public static final double WIDE_SPREAD = 0.20;
    /** Warn when the first timed run is this many times slower than the median of the others (3+ runs). */
    public static final double SLOW_FIRST_RUN = 1.5;

    private BenchNotes() {}

    /**
     * hyperfine's summary: the fastest strategy by median, then how many times faster it ran than each other
     * strategy, fastest first. Empty with fewer than two strategies.
     */
    public static List<String> summary(BenchResult result) {
        List<StrategyStats> byMedian = result.strategies().stream()
                .sorted(Comparator.comparing(StrategyStats::median)).toList();
        if (byMedian.size() < 2) {
            return List.of();
        }
        StrategyStats fastest = byMedian.get(0);
        List<String> lines = new ArrayList<>();
        lines.add("Summary");
        lines.add("  " + fastest.strategy() + " ran");
        List<String> factors = new ArrayList<>();
        for (StrategyStats other : byMedian.subList(1, byMedian.size())) {
            Double f = BenchStats.ratio(other.median(), fastest.median());
            factors.add(f == null ? "-" : String.format(Locale.ROOT, "%.2f", f));
        }
        int width = factors.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < factors.size(); i++) {
            String f = " ".repeat(width - factors.get(i).length()) + factors.get(i);
            lines.add("    " + f + "x faster than " + byMedian.get(i + 1).strategy());
        }
        return lines;
    }

    /** Warnings, one line each, strategy by strategy in the order given. */
    public static List<String> warnings(List<StrategyRuns> all) {
        List<String> out = new ArrayList<>();
        for (StrategyRuns r : all) {
            if (!r.recorded().isEmpty()) {
                failedRuns(r).ifPresent(out::add);
                List<Duration> times = BenchStats.timed(r.recorded()).stream().map(BatchReport::elapsed).toList();
                slowFirstRun(r.strategy(), times).ifPresent(out::add);
                wideSpread(r.strategy(), times).ifPresent(out::add);
            }
        }
        return out;
    }

    static Optional<String> failedRuns(StrategyRuns r) {
        long failed = r.recorded().stream().filter(BenchStats::failed).count();
        int n = r.recorded().size();
        if (failed == 0) {
            return Optional.empty();
        }
        if (failed == n) {
            return Optional.of(String.format(Locale.ROOT,
                    "%s: %s had errors; its timings and counts are those of failed runs",
                    r.strategy(), n == 1 ? "its only recorded run" : "all " + n + " recorded runs"));
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s: %d of %d recorded runs had errors and are left out of median/min/max",
                r.strategy(), failed, n));
    }

    static Optional<String> slowFirstRun(String strategy, List<Duration> times) {
        if (times.size() < 3) {
            return Optional.empty();
        }
        Duration first = times.get(0);
        Duration rest = BenchStats.median(times.subList(1, times.size()));
        if (BenchStats.seconds(first) <= SLOW_FIRST_RUN * BenchStats.seconds(rest)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s: the first recorded run (%.3f s) was much slower than the rest (median %.3f s); "
                        + "JIT compilation, threads and connections may still have been warming up: "
                        + "consider a higher --warmup", strategy, BenchStats.seconds(first), BenchStats.seconds(rest)));
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
        return Optional.of(String.format(Locale.ROOT,
                "%s: runs ranged from %.3f s to %.3f s (%.0f%% of the median); other programs may have "
                        + "interfered: consider more --runs on a quieter machine",
                strategy, BenchStats.seconds(min), BenchStats.seconds(max), spread * 100));
    }
}
