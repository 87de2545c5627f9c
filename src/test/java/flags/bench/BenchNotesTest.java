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
        BenchResult r = BenchStats.compute(
                EMBEDDED, List.of(runs("seq", 1, 1730), runs("threads", 4, 102), runs("async", 4, 100)));
        assertEquals(
                List.of(
                        "Summary",
                        "  async ran",
                        "     1.02 times faster than threads",
                        "    17.30 times faster than seq"),
                BenchNotes.summary(r),
                "one run each: no ±");
    }

    @Test
    void theRelativeSpeedCarriesItsPropagatedUncertainty() {
        // async: mean 110 ms, sigma 10; threads: mean 220 ms, sigma 20: 2 x sqrt((20/220)^2 + (10/110)^2) = 0.257
        BenchResult r = BenchStats.compute(
                EMBEDDED, List.of(runs("threads", 4, 200, 220, 240), runs("async", 4, 100, 110, 120)));
        assertEquals(
                List.of("Summary", "  async ran", "    2.00 ± 0.26 times faster than threads"), BenchNotes.summary(r));
    }

    @Test
    void aStrategyWithFailedRunsGetsNoSpeedClaim() {
        StrategyRuns failing =
                runs("async", 4, List.of(ok("async", 4, 50), batch("async", 4, 10, 3, 0, 1), ok("async", 4, 60)));
        BenchResult r =
                BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400, 410), runs("threads", 4, 100, 104), failing));
        assertEquals(
                List.of(
                        "Summary",
                        "  threads ran",
                        "    3.97 ± 0.13 times faster than seq",
                        "  no speed claim for async: 1 of 3 recorded runs failed"),
                BenchNotes.summary(r),
                "async's clean runs were the fastest, yet it is in no comparison");
    }

    @Test
    void withOnlyOneCleanStrategyThereIsNoComparison() {
        BenchResult r = BenchStats.compute(
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
                        .anyMatch(
                                s -> s.startsWith(
                                        "async: the first recorded run (0.200 s) was much slower than the rest (median 0.100 s)")),
                w.toString());
    }

    @Test
    void aSlowLastRunIsNotAFirstRunOutlier() {
        List<String> w = BenchNotes.warnings(List.of(runs("async", 4, 100, 101, 99, 100, 200)));
        assertTrue(w.stream().noneMatch(s -> s.contains("first recorded run")), w.toString());
    }

    @Test
    void failedRunsAreCountedInAWarning() {
        StrategyRuns some = runs(
                "threads", 4, List.of(ok("threads", 4, 100), batch("threads", 4, 100, 3, 0, 1), ok("threads", 4, 100)));
        StrategyRuns all = runs("async", 4, List.of(batch("async", 4, 100, 3, 0, 1)));
        List<String> w = BenchNotes.warnings(List.of(some, all));
        assertEquals(
                List.of(
                        "threads: 1 of 3 recorded runs had errors and are left out of the statistics",
                        "async: its only recorded run had errors; its timings and counts are those of failed runs"),
                w);
    }
}
