package flags.bench;

import flags.report.BatchReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The text around the numbers, after hyperfine: a closing summary ("async ran 1.04 ± 0.05 times faster than
 * threads") and warnings about runs that make the numbers doubtful (failed runs, a wide spread, a slow first run).
 */
public final class BenchNotes {
    /** Warn when (max - min) / median of a strategy's timed runs is above this. */
    public static final double WIDE_SPREAD = 0.20;
    /** Warn when the first timed run is this many times slower than the median of the others (3+ runs). */
    public static final double SLOW_FIRST_RUN = 1.5;

    private BenchNotes() {}

    /**
     * hyperfine's summary: the fastest strategy by mean, then how many times faster it ran than each other strategy,
     * with the propagated standard deviation, fastest first. A strategy with failed runs is in no comparison, only
     * named. Empty with fewer than two strategies.
     */
    public static List<String> summary(BenchResult result) {
        if (result.strategies().size() < 2) {
            return List.of();
        }
        List<StrategyStats> byMean = result.strategies().stream()
                .filter(StrategyStats::clean)
                .sorted(Comparator.comparing(StrategyStats::mean))
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add("Summary");
        if (byMean.size() >= 2) {
            StrategyStats fastest = byMean.get(0);
            lines.add("  " + fastest.strategy() + " ran");
            List<BenchStats.Ratio> ratios = byMean.subList(1, byMean.size()).stream()
                    .map(other -> BenchStats.relative(other, fastest))
                    .toList();
            int width = ratios.stream()
                    .mapToInt(r -> String.format(Locale.ROOT, "%.2f", r.value()).length())
                    .max()
                    .orElse(0);
            for (int i = 0; i < ratios.size(); i++) {
                BenchStats.Ratio r = ratios.get(i);
                String sd = r.stddev() == null ? "" : String.format(Locale.ROOT, " ± %.2f", r.stddev());
                lines.add(String.format(
                        Locale.ROOT,
                        "    %" + width + ".2f%s times faster than %s",
                        r.value(),
                        sd,
                        byMean.get(i + 1).strategy()));
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

    /** Warnings, one line each, strategy by strategy in the order given. */
    public static List<String> warnings(List<StrategyRuns> all) {
        List<String> out = new ArrayList<>();
        for (StrategyRuns r : all) {
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

    static Optional<String> failedRuns(StrategyRuns r) {
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
        Duration rest = BenchStats.median(times.subList(1, times.size()));
        if (BenchStats.seconds(first) <= SLOW_FIRST_RUN * BenchStats.seconds(rest)) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%s: the first recorded run (%.3f s) was much slower than the rest (median %.3f s); "
                        + "JIT compilation, threads and connections may still have been warming up: "
                        + "consider a higher --warmup",
                strategy,
                BenchStats.seconds(first),
                BenchStats.seconds(rest)));
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
                "%s: runs ranged from %.3f s to %.3f s (%.0f%% of the median); other programs may have "
                        + "interfered: consider more --runs on a quieter machine",
                strategy,
                BenchStats.seconds(min),
                BenchStats.seconds(max),
                spread * 100));
    }
}
