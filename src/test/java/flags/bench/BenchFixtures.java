package flags.bench;

import flags.Attempt;
import flags.download.DownloadResult;
import flags.download.Status;
import flags.report.BatchReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Crafted batches: n codes, all overlapping (or back to back for concurrency 1), with chosen statuses. */
final class BenchFixtures {
    private BenchFixtures() {}

    static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }

    static List<String> codes(int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add("" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
        return codes;
    }

    /** A batch of {@code ok + notFound + errors} codes that took {@code elapsedMs}. */
    static BatchReport batch(String strategy, int concurrency, long elapsedMs, int ok, int notFound, int errors) {
        int n = ok + notFound + errors;
        List<String> codes = codes(n);
        List<DownloadResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Status status = i < ok ? Status.OK : i < ok + notFound ? Status.NOT_FOUND : Status.ERROR;
            long start = concurrency <= 1 ? elapsedMs * i / n : 0;
            long end = concurrency <= 1 ? elapsedMs * (i + 1) / n : elapsedMs;
            results.add(new DownloadResult(
                    codes.get(i),
                    status,
                    status == Status.OK ? 200 : status == Status.NOT_FOUND ? 404 : 418,
                    status == Status.OK ? 100 : 0,
                    status == Status.OK ? Path.of(codes.get(i)) : null,
                    List.of(new Attempt(ms(start), ms(end))),
                    ms(start),
                    ms(end),
                    null,
                    status == Status.ERROR ? "HTTP 418 I'm a teapot" : null));
        }
        return new BatchReport(strategy, concurrency, codes, results, ms(elapsedMs));
    }

    static BatchReport ok(String strategy, int concurrency, long elapsedMs) {
        return batch(strategy, concurrency, elapsedMs, 4, 0, 0);
    }

    static RecordedRuns runs(String strategy, int concurrency, long... elapsedMs) {
        List<BatchReport> reports = new ArrayList<>();
        for (long e : elapsedMs) {
            reports.add(ok(strategy, concurrency, e));
        }
        return runs(strategy, concurrency, reports);
    }

    /** These batches as recorded runs, not measured for cost. */
    static RecordedRuns runs(String strategy, int concurrency, List<BatchReport> reports) {
        return new RecordedRuns(
                strategy,
                concurrency,
                reports.stream().map(r -> new MeasuredRun(r, null)).toList());
    }
}
