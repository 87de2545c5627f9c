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
        BenchResult r = BenchStats.compute(EMBEDDED, List.of(
                runs("seq", 1, 1730), runs("threads", 4, 102), runs("async", 4, 100)));
        assertEquals(List.of("Summary", "  async ran", "     1.02x faster than threads", "    17.30x faster than seq"),
                BenchNotes.summary(r));
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
        assertTrue(w.stream().anyMatch(s -> s.startsWith(
                "async: the first recorded run (0.200 s) was much slower than the rest (median 0.100 s)")), w.toString());
    }

    @Test
    void aSlowLastRunIsNotAFirstRunOutlier() {
        List<String> w = BenchNotes.warnings(List.of(runs("async", 4, 100, 101, 99, 100, 200)));
        assertTrue(w.stream().noneMatch(s -> s.contains("first recorded run")), w.toString());
    }

    @Test
    void failedRunsAreCountedInAWarning() {
        StrategyRuns some = new StrategyRuns("threads", 4, List.of(
                ok("threads", 4, 100), batch("threads", 4, 100, 3, 0, 1), ok("threads", 4, 100)));
        StrategyRuns all = new StrategyRuns("async", 4, List.of(batch("async", 4, 100, 3, 0, 1)));
        List<String> w = BenchNotes.warnings(List.of(some, all));
        assertEquals(List.of(
                "threads: 1 of 3 recorded runs had errors and are left out of median/min/max",
                "async: its only recorded run had errors; its timings and counts are those of failed runs"), w);
    }
}
