package flags.bench;

import static flags.bench.BenchFixtures.batch;
import static flags.bench.BenchFixtures.ms;
import static flags.bench.BenchFixtures.ok;
import static flags.bench.BenchFixtures.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.report.BatchReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BenchStatsTest {
    private static final Workload EMBEDDED = new Workload("EMBEDDED", ms(100), Duration.ZERO, 4, 1);

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(ms(30), BenchStats.median(List.of(ms(50), ms(10), ms(30))));
        assertEquals(ms(7), BenchStats.median(List.of(ms(7))));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(ms(25), BenchStats.median(List.of(ms(40), ms(10), ms(20), ms(30))));
        assertEquals(Duration.ofNanos(1_500_000), BenchStats.median(List.of(ms(2), ms(1))));
        assertThrows(IllegalArgumentException.class, () -> BenchStats.median(List.of()));
    }

    @Test
    void theMedianRunIsTheLowerMiddleOneForAnEvenCount() {
        BatchReport a = ok("threads", 4, 10);
        BatchReport b = ok("threads", 4, 20);
        BatchReport c = ok("threads", 4, 30);
        BatchReport d = ok("threads", 4, 40);
        assertSame(b, BenchStats.medianRun(List.of(d, b, a, c)));
        assertSame(b, BenchStats.medianRun(List.of(c, b, a)));
    }

    @Test
    void meanAndSampleStandardDeviation() {
        List<Duration> times = List.of(ms(1000), ms(2000), ms(3000));
        assertEquals(ms(2000), BenchStats.mean(times));
        assertEquals(ms(1000), BenchStats.stddev(times), "n - 1: sqrt((1 + 0 + 1) / 2)");
        assertEquals(
                Duration.ofNanos(Math.round(Math.sqrt(2.0 / 3) * 1e9)),
                BenchStats.stddev(List.of(ms(1000), ms(2000), ms(2000), ms(3000))));
        assertNull(BenchStats.stddev(List.of(ms(5))), "one run: no spread to speak of");
        assertThrows(IllegalArgumentException.class, () -> BenchStats.mean(List.of()));
    }

    @Test
    void theRatioOfMeansPropagatesBothDeviations() {
        Comparison r = BenchStats.compute(
                EMBEDDED, List.of(runs("threads", 4, 2000, 4000, 6000), runs("async", 4, 1000, 2000, 3000)));
        BenchStats.Ratio ratio =
                BenchStats.relative(r.strategies().get(0), r.strategies().get(1));
        assertEquals(2.0, ratio.value(), 1e-12, "4 s / 2 s");
        assertEquals(2 * Math.sqrt(0.25 + 0.25), ratio.stddev(), 1e-9, "2 x sqrt((2/4)^2 + (1/2)^2)");
        Comparison single = BenchStats.compute(EMBEDDED, List.of(runs("threads", 4, 300), runs("async", 4, 100)));
        BenchStats.Ratio one = BenchStats.relative(
                single.strategies().get(0), single.strategies().get(1));
        assertEquals(3.0, one.value(), 1e-12);
        assertNull(one.stddev());
    }

    @Test
    void failedRunsRemoveEverySpeedClaimTheyTouch() {
        RecordedRuns seq = runs("seq", 1, List.of(ok("seq", 1, 400), batch("seq", 1, 300, 3, 0, 1)));
        RecordedRuns threads = runs("threads", 4, 100, 110);
        Comparison r = BenchStats.compute(EMBEDDED, List.of(seq, threads));
        assertNull(r.strategies().get(0).speedup());
        assertNull(r.strategies().get(0).efficiency());
        assertNull(r.strategies().get(1).speedup(), "against a baseline with failed runs: no speedup either");
        assertEquals(100.0 / 105, r.strategies().get(1).efficiency(), 1e-9, "efficiency needs no baseline");
    }

    @Test
    void withCpuWorkTheIdealIsAlsoBoundByTheCores() {
        Workload busy = new Workload("EMBEDDED", ms(100), Duration.ZERO, 20, 1, ms(50), 2, "Java 17 (Test)");
        assertEquals(ms(3000), BenchStats.ideal(busy, 1), "seq: 20 x (0.1 + 0.05)");
        assertEquals(ms(600), BenchStats.ideal(busy, 20), "one wait, then 20 x 0.05 s of work on 2 cores");
        assertEquals(ms(600), BenchStats.ideal(busy, 10), "two rounds (0.3 s) are less than the CPU needs");
        assertEquals(ms(1100), BenchStats.ideal(busy.withCores(1), 20), "a single core: the GIL's case");
        assertEquals(ms(300), BenchStats.ideal(busy.withCpuWork(Duration.ZERO), 7), "no work: ceil(20 / 7) x 0.1");
    }

    @Test
    void idealIsRoundsOfTheDelay() {
        Duration delay = ms(100);
        assertEquals(ms(2000), BenchStats.ideal(20, 1, delay, Duration.ZERO, 1), "seq: N x delay");
        assertEquals(ms(100), BenchStats.ideal(20, 20, delay, Duration.ZERO, 1), "one round");
        assertEquals(ms(100), BenchStats.ideal(20, 30, delay, Duration.ZERO, 1), "c above N: still one round");
        assertEquals(ms(300), BenchStats.ideal(21, 10, delay, Duration.ZERO, 1), "ceil(21 / 10) = 3 rounds");
        assertEquals(ms(2300), BenchStats.ideal(676, 30, delay, Duration.ZERO, 1), "ceil(676 / 30) = 23");
        assertEquals(ms(200), BenchStats.ideal(20, 20, delay, Duration.ZERO, 2), "--names: two requests per code");
    }

    @Test
    void withJitterHalfOfItIsAddedToTheDelay() {
        assertEquals(ms(150), BenchStats.ideal(20, 20, ms(100), ms(100), 1));
        assertEquals(ms(3000), BenchStats.ideal(20, 1, ms(100), ms(100), 1));
        assertEquals(ms(500), BenchStats.ideal(5, 1, Duration.ZERO, ms(200), 1));
    }

    @Test
    void speedupIsAgainstSeqAndEfficiencyAgainstTheIdeal() {
        Comparison r =
                BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400, 500, 450), runs("threads", 4, 100, 125, 110)));
        StrategyStats seq = r.strategies().get(0);
        StrategyStats threads = r.strategies().get(1);
        assertEquals(ms(450), seq.median());
        assertEquals(ms(400), seq.min());
        assertEquals(ms(500), seq.max());
        assertEquals(1.0, seq.speedup(), 1e-9);
        assertEquals(400.0 / 450, seq.efficiency(), 1e-9, "ideal 4 x 0.1 s");
        assertEquals(ms(400), seq.ideal());
        assertEquals(ms(110), threads.median());
        assertEquals(450.0 / 110, threads.speedup(), 1e-9);
        assertEquals(ms(100), threads.ideal());
        assertEquals(100.0 / 110, threads.efficiency(), 1e-9);
        assertEquals(3, threads.runs());
        assertEquals(4, threads.ok());
        assertEquals(4, threads.maxInFlight(), "all four requests of the crafted batch overlap");
        assertEquals(1, seq.maxInFlight(), "back to back is not overlapping");
    }

    @Test
    void withoutSeqThereIsNoSpeedupAndWithoutADelayNoIdeal() {
        Workload remote = new Workload("REMOTE", null, null, 4, 1);
        Comparison r = BenchStats.compute(remote, List.of(runs("async", 4, 100, 120)));
        StrategyStats async = r.strategies().get(0);
        assertNull(async.speedup());
        assertNull(async.ideal());
        assertNull(async.efficiency());
        assertEquals(ms(110), async.median());
    }

    @Test
    void aZeroIdealHasNoEfficiency() {
        Workload instant = new Workload("EMBEDDED", Duration.ZERO, Duration.ZERO, 4, 1);
        StrategyStats s = BenchStats.compute(instant, List.of(runs("seq", 1, 5)))
                .strategies()
                .get(0);
        assertEquals(Duration.ZERO, s.ideal());
        assertNull(s.efficiency());
    }

    @Test
    void failedRunsAreCountedAndLeftOutOfTheTimings() {
        List<BatchReport> reports = new ArrayList<>(List.of(ok("threads", 4, 100), ok("threads", 4, 120)));
        reports.add(batch("threads", 4, 10, 3, 0, 1)); // fast because it failed
        StrategyStats s = BenchStats.compute(EMBEDDED, List.of(runs("threads", 4, reports)))
                .strategies()
                .get(0);
        assertEquals(3, s.recorded());
        assertEquals(1, s.failedRuns());
        assertEquals(2, s.runs());
        assertEquals(ms(100), s.min(), "the failed 10 ms run is not the min");
        assertEquals(ms(110), s.median());
        assertEquals(0, s.errors());
        assertFalse(s.allFailed());
    }

    @Test
    void whenEveryRunFailedTheTimingsAreThoseOfTheFailedRuns() {
        RecordedRuns failing =
                runs("async", 4, List.of(batch("async", 4, 100, 3, 0, 1), batch("async", 4, 300, 2, 1, 1)));
        StrategyStats s =
                BenchStats.compute(EMBEDDED, List.of(failing)).strategies().get(0);
        assertTrue(s.allFailed());
        assertEquals(2, s.runs());
        assertEquals(ms(200), s.median());
        assertEquals(1, s.errors(), "counts of the median (lower middle) run");
        assertEquals(3, s.ok());
    }

    @Test
    void aStrategyWithoutRecordedRunsIsLeftOut() {
        Comparison r =
                BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400), new RecordedRuns("async", 4, List.of())));
        assertEquals(
                List.of("seq"),
                r.strategies().stream().map(StrategyStats::strategy).toList());
    }
}
