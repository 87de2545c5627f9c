package flags.bench;

import flags.Seconds;
import flags.download.Status;
import flags.report.BatchReport;
import flags.report.InFlight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * The arithmetic of the benchmark, after hyperfine: mean and sample standard deviation, medians, the relative speed
 * with its propagated uncertainty, the ideal time, speedup and efficiency.
 */
final class BenchStats {
    /** The strategy every speedup is measured against. */
    public static final String BASELINE = "seq";

    private BenchStats() {}

    /** How many times slower than the fastest, and its uncertainty (null with a single run on either side). */
    public record Ratio(double value, Double stddev) {}

    /** Below this p-value a difference between two strategies counts as measured, not noise. */
    public static final double SIGNIFICANCE = 0.05;

    /** The statistics of each strategy that has at least one recorded run, in the order given. */
    public static Comparison compute(Workload workload, List<RecordedRuns> all) {
        RecordedRuns seq = all.stream()
                .filter(r -> r.strategy().equals(BASELINE) && !r.recorded().isEmpty())
                .findFirst()
                .orElse(null);
        // No speed claim from or against a strategy that had failed runs.
        Duration seqMedian = seq == null || seq.reports().stream().anyMatch(BenchStats::failed)
                ? null
                : median(durations(timed(seq.reports())));
        List<StrategyStats> stats = new ArrayList<>();
        for (RecordedRuns r : all) {
            if (!r.recorded().isEmpty()) {
                stats.add(stats(workload, r, seqMedian));
            }
        }
        return new Comparison(workload, stats);
    }

    private static StrategyStats stats(Workload workload, RecordedRuns r, Duration seqMedian) {
        List<MeasuredRun> timedRuns = timedRuns(r.recorded());
        List<BatchReport> timed = timedRuns.stream().map(MeasuredRun::report).toList();
        List<Duration> times = durations(timed);
        Duration median = median(times);
        BatchReport medianRun = medianRun(timed);
        int failed = (int) r.reports().stream().filter(BenchStats::failed).count();
        Duration ideal = workload.delay() == null ? null : ideal(workload, r.concurrency());
        boolean claim = failed == 0;
        Double efficiency = !claim || ideal == null || ideal.isZero() ? null : ratio(ideal, median);
        Double speedup = !claim || seqMedian == null ? null : ratio(seqMedian, median);
        ClientCost cost =
                ClientCost.perRun(timedRuns.stream().map(MeasuredRun::cost).toList());
        return new StrategyStats(
                r.strategy(),
                r.concurrency(),
                r.recorded().size(),
                failed,
                timed.size(),
                mean(times),
                stddev(times),
                median,
                times.stream().min(Comparator.naturalOrder()).orElseThrow(),
                times.stream().max(Comparator.naturalOrder()).orElseThrow(),
                medianRun.count(Status.OK),
                medianRun.count(Status.NOT_FOUND),
                medianRun.count(Status.ERROR),
                InFlight.max(medianRun.results()),
                medianRun,
                ideal,
                speedup,
                efficiency,
                cost,
                r.reports());
    }

    /**
     * The runs the timings come from, in the order they ran: those without errors, so a failed run (often
     * much faster or much slower) is never silently mixed in; every run when all of them failed.
     */
    public static List<BatchReport> timed(List<BatchReport> recorded) {
        List<BatchReport> clean = recorded.stream().filter(r -> !failed(r)).toList();
        return clean.isEmpty() ? recorded : clean;
    }

    private static List<MeasuredRun> timedRuns(List<MeasuredRun> recorded) {
        List<MeasuredRun> clean =
                recorded.stream().filter(r -> !failed(r.report())).toList();
        return clean.isEmpty() ? recorded : clean;
    }

    /** A run fails when any code ended in an error or did not end at all. */
    public static boolean failed(BatchReport r) {
        return r.count(Status.ERROR) > 0 || r.notDone() > 0;
    }

    /** The exit status {@code flags STRATEGY} would have ended this batch with: 0, 1 (errors) or 130 (not done). */
    public static int exitCode(BatchReport r) {
        return r.count(Status.ERROR) > 0 ? 1 : r.notDone() > 0 ? 130 : 0;
    }

    /** The middle value; the mean of the two middle values for an even count. */
    public static Duration median(List<Duration> times) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no times");
        }
        List<Duration> sorted = times.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    public static Duration mean(List<Duration> times) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no times");
        }
        return Duration.ofNanos(Math.round(
                times.stream().mapToDouble(Duration::toNanos).average().orElseThrow()));
    }

    /** The sample standard deviation (n - 1 in the denominator, as hyperfine); null for fewer than two values. */
    public static Duration stddev(List<Duration> times) {
        if (times.size() < 2) {
            return null;
        }
        double mean = times.stream().mapToDouble(Duration::toNanos).average().orElseThrow();
        double squares = times.stream()
                .mapToDouble(t -> (t.toNanos() - mean) * (t.toNanos() - mean))
                .sum();
        return Duration.ofNanos(Math.round(Math.sqrt(squares / (times.size() - 1))));
    }

    /**
     * How many times slower {@code slow} ran than {@code fast}, by their medians (the statistic of the speedup
     * column), with the uncertainty hyperfine propagates for a quotient of independent values, from each side's
     * relative deviation: ratio × √((σs/μs)² + (σf/μf)²).
     */
    public static Ratio relative(StrategyStats slow, StrategyStats fast) {
        double ratio = (double) slow.median().toNanos() / fast.median().toNanos();
        if (slow.stddev() == null || fast.stddev() == null) {
            return new Ratio(ratio, null);
        }
        double rs = (double) slow.stddev().toNanos() / slow.mean().toNanos();
        double rf = (double) fast.stddev().toNanos() / fast.mean().toNanos();
        return new Ratio(ratio, ratio * Math.sqrt(rs * rs + rf * rf));
    }

    /**
     * Welch's t test (unequal variances) on the timed runs of two strategies: the probability of a difference at
     * least this large if both ran alike. Empty with fewer than two runs on either side, where there is nothing to
     * test. Runs without any spread (the same time each) differ for certain or not at all.
     */
    public static OptionalDouble pValue(StrategyStats a, StrategyStats b) {
        double[] x = secondsOf(timed(a.recordedRuns()));
        double[] y = secondsOf(timed(b.recordedRuns()));
        if (x.length < 2 || y.length < 2) {
            return OptionalDouble.empty();
        }
        double p = TTest.withDefaults()
                .with(DataDispersion.HETEROSCEDASTIC)
                .test(x, y)
                .getPValue();
        if (Double.isNaN(p)) { // both variances zero, each side one time repeated: the test divides by zero
            return OptionalDouble.of(x[0] == y[0] ? 1.0 : 0.0);
        }
        return OptionalDouble.of(p);
    }

    private static double[] secondsOf(List<BatchReport> runs) {
        return runs.stream().mapToDouble(r -> seconds(r.elapsed())).toArray();
    }

    /** The run at the median: the middle one, or the lower of the two middle ones for an even count. */
    public static BatchReport medianRun(List<BatchReport> runs) {
        List<BatchReport> sorted =
                runs.stream().sorted(Comparator.comparing(BatchReport::elapsed)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * The shortest possible batch: ⌈N / c⌉ rounds of requests, each waiting {@code delay + jitter/2} (the mean
     * of the server's uniform wait), {@code requestsPerCode} times per code.
     */
    public static Duration ideal(int codes, int concurrency, Duration delay, Duration jitter, int requestsPerCode) {
        return wait(delay, jitter, requestsPerCode).multipliedBy(roundCount(codes, concurrency));
    }

    /**
     * The ideal of a workload at concurrency c. With CPU work w per code on k cores it is also bounded by the CPU:
     * each of the ⌈N / c⌉ rounds takes a wait and w, and all N × w of work shares min(c, k) cores once the first
     * answer is in: max(⌈N / c⌉ × (wait + w), wait + N × w / min(c, k)). Without CPU work, ⌈N / c⌉ × wait.
     */
    public static Duration ideal(Workload w, int concurrency) {
        Duration wait = wait(w.delay(), w.jitter(), w.requestsPerCode());
        long rounds = roundCount(w.codes(), concurrency);
        Duration slots = wait.plus(w.cpuWork()).multipliedBy(rounds);
        int busyCores = Math.max(1, Math.min(concurrency, w.cores()));
        Duration cpuBound = wait.plus(w.cpuWork().multipliedBy(w.codes()).dividedBy(busyCores));
        return w.codes() == 0 ? Duration.ZERO : slots.compareTo(cpuBound) >= 0 ? slots : cpuBound;
    }

    private static Duration wait(Duration delay, Duration jitter, int requestsPerCode) {
        return delay.plus(jitter.dividedBy(2)).multipliedBy(requestsPerCode);
    }

    private static long roundCount(int codes, int concurrency) {
        int c = Math.max(1, concurrency);
        return (codes + (long) c - 1) / c;
    }

    /** {@code a / b} as a number; null when {@code b} is zero. */
    static Double ratio(Duration a, Duration b) {
        return b.isZero() ? null : (double) a.toNanos() / b.toNanos();
    }

    static double seconds(Duration d) {
        return Seconds.of(d);
    }

    private static List<Duration> durations(List<BatchReport> runs) {
        return runs.stream().map(BatchReport::elapsed).toList();
    }
}
