package flags.bench;

import static flags.bench.BenchFixtures.batch;
import static flags.bench.BenchFixtures.ms;
import static flags.bench.BenchFixtures.ok;
import static flags.bench.BenchFixtures.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BenchNotesTest {
    private static final Workload EMBEDDED = new Workload("EMBEDDED", ms(100), Duration.ZERO, 4, 1);

    @Test
    void theSummaryNamesTheFastestAndHowManyTimesFasterItRan() {
        Comparison r = BenchStats.compute(
                EMBEDDED, List.of(runs("seq", 1, 1730), runs("threads", 4, 102), runs("async", 4, 100)));
        assertEquals(
                List.of(
                        "Summary",
                        "  async ran 1.02 times faster than threads (a single run: not tested)",
                        "  async ran 17.30 times faster than seq (a single run: not tested)"),
                BenchNotes.summary(r),
                "one run each: no test");
    }

    @Test
    void theRelativeSpeedCarriesThePValueOfWelchsTest() {
        // Welch: t = 110 / sqrt(400/3 + 100/3) = 8.52, p = 0.0037 (as scipy.stats.ttest_ind(equal_var=False))
        Comparison r = BenchStats.compute(
                EMBEDDED, List.of(runs("threads", 4, 200, 220, 240), runs("async", 4, 100, 110, 120)));
        assertEquals(
                List.of("Summary", "  async ran 2.00 times faster than threads (p = 0.004)"), BenchNotes.summary(r));
    }

    @Test
    void aDifferenceTheRunsCannotTellFromNoiseIsNone() {
        Comparison r = BenchStats.compute(
                EMBEDDED,
                List.of(
                        runs("seq", 1, 1000, 1010, 990),
                        runs("threads", 4, 100, 90, 115),
                        runs("async", 4, 105, 95, 99)));
        assertEquals(
                List.of(
                        "Summary",
                        "  async and threads: no measurable difference (p = 0.82)",
                        "  async ran 10.10 times faster than seq (p < 0.001)"),
                BenchNotes.summary(r));
    }

    @Test
    void theSummaryRanksByMedianAsTheSpeedupColumnDoes() {
        // threads has the lower mean (one slow async run pulls async's mean up), async the lower median
        Comparison r = BenchStats.compute(
                EMBEDDED, List.of(runs("threads", 4, 100, 100, 100, 100, 100), runs("async", 4, 90, 90, 90, 90, 200)));
        StrategyStats threads = r.strategies().get(0);
        StrategyStats async = r.strategies().get(1);
        assertTrue(threads.mean().compareTo(async.mean()) < 0, "the case needs the means the other way round");
        assertEquals(
                List.of("Summary", "  async and threads: no measurable difference (p = 0.61)"),
                BenchNotes.summary(r),
                "async first: the lower median");
    }

    @Test
    void aStrategyWithFailedRunsGetsNoSpeedClaim() {
        RecordedRuns failing =
                runs("async", 4, List.of(ok("async", 4, 50), batch("async", 4, 10, 3, 0, 1), ok("async", 4, 60)));
        Comparison r =
                BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400, 410), runs("threads", 4, 100, 104), failing));
        assertEquals(
                List.of(
                        "Summary",
                        "  threads ran 3.97 times faster than seq (p = 0.004)",
                        "  no speed claim for async: 1 of 3 recorded runs failed"),
                BenchNotes.summary(r),
                "async's clean runs were the fastest, yet it is in no comparison");
    }

    @Test
    void withOnlyOneCleanStrategyThereIsNoComparison() {
        Comparison r = BenchStats.compute(
                EMBEDDED, List.of(runs("seq", 1, 400), runs("async", 4, List.of(batch("async", 4, 10, 3, 0, 1)))));
        assertEquals(
                List.of("Summary", "  no speed claim for async: 1 of 1 recorded run failed"), BenchNotes.summary(r));
    }

    @Test
    void noSummaryForOneStrategy() {
        assertEquals(List.of(), BenchNotes.summary(BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400)))));
    }

    @Test
    void steadyRunsGiveNoWarning() {
        assertEquals(List.of(), BenchNotes.warnings(List.of(runs("threads", 4, 100, 102, 98, 101, 105))));
    }

    @Test
    void aWideSpreadIsAWarning() {
        List<String> w = BenchNotes.warnings(List.of(runs("threads", 4, 100, 100, 130, 100, 100)));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("threads: runs ranged from 0.100 s to 0.130 s (30% of the median)"), w.get(0));
    }

    @Test
    void aSpreadJustUnderTheThresholdIsNot() {
        assertEquals(List.of(), BenchNotes.warnings(List.of(runs("async", 4, 100, 100, 119, 100, 100))));
    }

    @Test
    void aSlowFirstRunIsAWarning() {
        List<String> w = BenchNotes.warnings(List.of(runs("async", 4, 200, 100, 101, 99, 100)));
        assertTrue(
                w.stream()
                        .anyMatch(s -> s.startsWith(
                                "async: the first recorded run (0.200 s) was much slower than the median (0.100 s)")),
                w.toString());
    }

    @Test
    void aSlowLastRunIsNotAFirstRunOutlier() {
        List<String> w = BenchNotes.warnings(List.of(runs("async", 4, 100, 101, 99, 100, 200)));
        assertTrue(w.stream().noneMatch(s -> s.contains("first recorded run")), w.toString());
    }

    @Test
    void failedRunsAreCountedInAWarning() {
        RecordedRuns some = runs(
                "threads", 4, List.of(ok("threads", 4, 100), batch("threads", 4, 100, 3, 0, 1), ok("threads", 4, 100)));
        RecordedRuns all = runs("async", 4, List.of(batch("async", 4, 100, 3, 0, 1)));
        List<String> w = BenchNotes.warnings(List.of(some, all));
        assertEquals(
                List.of(
                        "threads: 1 of 3 recorded runs had errors and are left out of the statistics",
                        "async: its only recorded run had errors; its timings and counts are those of failed runs"),
                w);
    }
}
