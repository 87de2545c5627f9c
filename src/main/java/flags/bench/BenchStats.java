package flags.bench;

import flags.download.Status;
import flags.report.BatchReport;
import flags.report.InFlight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The arithmetic of SPEC §6: medians, the ideal time, speedup and efficiency. */
public final class BenchStats {
    /** The strategy every speedup is measured against. */
    public static final String BASELINE = "seq";

    private BenchStats() {}

    /** One line per strategy that has at least one recorded run, in the order given. */
    public static BenchResult compute(Workload workload, List<StrategyRuns> all) {
        Duration seqMedian = all.stream()
                .filter(r -> r.strategy().equals(BASELINE) && !r.recorded().isEmpty())
                .map(r -> median(durations(timed(r.recorded()))))
                .findFirst().orElse(null);
        List<StrategyStats> lines = new ArrayList<>();
        for (StrategyRuns r : all) {
            if (!r.recorded().isEmpty()) {
                lines.add(line(workload, r, seqMedian));
            }
        }
        return new BenchResult(workload, lines);
    }

    private static StrategyStats line(Workload workload, StrategyRuns r, Duration seqMedian) {
        List<BatchReport> timed = timed(r.recorded());
        List<Duration> times = durations(timed);
        Duration median = median(times);
        BatchReport medianRun = medianRun(timed);
        int failed = (int) r.recorded().stream().filter(BenchStats::failed).count();
        Duration ideal = workload.delay() == null ? null
                : ideal(workload.codes(), r.concurrency(), workload.delay(), workload.jitter(), workload.requestsPerCode());
        Double efficiency = ideal == null || ideal.isZero() ? null : ratio(ideal, median);
        Double speedup = seqMedian == null ? null : ratio(seqMedian, median);
        return new StrategyStats(r.strategy(), r.concurrency(), r.recorded().size(), failed, timed.size(),
                median, times.stream().min(Comparator.naturalOrder()).orElseThrow(),
                times.stream().max(Comparator.naturalOrder()).orElseThrow(),
                medianRun.count(Status.OK), medianRun.count(Status.NOT_FOUND), medianRun.count(Status.ERROR),
                InFlight.max(medianRun.results()), medianRun, ideal, speedup, efficiency);
    }

    /**
     * The runs the timings come from, in the order they ran: those without errors, so a failed run (often
     * much faster or much slower) is never silently mixed in; every run when all of them failed.
     */
    public static List<BatchReport> timed(List<BatchReport> recorded) {
        List<BatchReport> clean = recorded.stream().filter(r -> !failed(r)).toList();
        return clean.isEmpty() ? recorded : clean;
    }

    /** A run fails when any code ended in an error or did not end at all. */
    public static boolean failed(BatchReport r) {
        return r.count(Status.ERROR) > 0 || r.notDone() > 0;
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

    /** The run at the median: the middle one, or the lower of the two middle ones for an even count. */
    public static BatchReport medianRun(List<BatchReport> runs) {
        List<BatchReport> sorted = runs.stream().sorted(Comparator.comparing(BatchReport::elapsed)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * The shortest possible batch: ⌈N / c⌉ rounds of requests, each waiting {@code delay + jitter/2} (the mean
     * of the server's uniform wait), {@code requestsPerCode} times per code.
     */
    public static Duration ideal(int codes, int concurrency, Duration delay, Duration jitter, int requestsPerCode) {
        int c = Math.max(1, concurrency);
        long rounds = (codes + (long) c - 1) / c;
        Duration wait = delay.plus(jitter.dividedBy(2));
        return wait.multipliedBy(rounds * requestsPerCode);
    }

    /** {@code a / b} as a number; null when {@code b} is zero. */
    static Double ratio(Duration a, Duration b) {
        return b.isZero() ? null : (double) a.toNanos() / b.toNanos();
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static List<Duration> durations(List<BatchReport> runs) {
        return runs.stream().map(BatchReport::elapsed).toList();
    }
}
