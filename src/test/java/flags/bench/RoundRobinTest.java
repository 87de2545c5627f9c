package flags.bench;

import static flags.bench.BenchFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RoundRobinTest {
    @Test
    void warmUpsThenRecordedRunsRoundRobin() throws Exception {
        List<String> order = new ArrayList<>();
        List<Contender> contenders = List.of(
                new Contender("seq", 1, () -> new MeasuredRun(ok("seq", 1, 30), null)),
                new Contender("async", 4, () -> new MeasuredRun(ok("async", 4, 10), null)));
        RoundRobin runner = new RoundRobin(
                contenders,
                new BenchPlan(1, 2),
                (c, warm, i, of, report) -> order.add(c.strategy() + (warm ? " warm-up " : " run ") + i + "/" + of));
        runner.run();
        assertEquals(
                List.of(
                        "seq warm-up 1/1",
                        "async warm-up 1/1",
                        "seq run 1/2",
                        "async run 1/2",
                        "seq run 2/2",
                        "async run 2/2"),
                order);
        List<RecordedRuns> recorded = runner.recorded();
        assertEquals(2, recorded.size());
        assertEquals(2, recorded.get(0).recorded().size(), "warm-ups are not recorded");
        assertEquals("seq", recorded.get(0).strategy());
        assertEquals(4, recorded.get(1).concurrency());
    }

    @Test
    void anInterruptedBenchmarkKeepsTheRunsThatFinished() {
        int[] calls = {0};
        Contender flaky = new Contender("threads", 4, () -> {
            if (++calls[0] == 3) {
                throw new InterruptedException("Ctrl-C");
            }
            return new MeasuredRun(ok("threads", 4, 10), null);
        });
        RoundRobin runner = new RoundRobin(List.of(flaky), new BenchPlan(0, 5), (c, w, i, of, r) -> {});
        assertThrows(InterruptedException.class, runner::run);
        assertEquals(2, runner.recorded().get(0).recorded().size());
    }

    @Test
    void anInterruptBetweenRunsStopsBeforeTheNextRun() {
        int[] calls = {0};
        Contender c = new Contender("seq", 1, () -> {
            calls[0]++;
            Thread.currentThread().interrupt();
            return new MeasuredRun(ok("seq", 1, 10), null);
        });
        RoundRobin runner = new RoundRobin(List.of(c), new BenchPlan(0, 3), (x, w, i, of, r) -> {});
        assertThrows(InterruptedException.class, runner::run);
        assertEquals(1, calls[0]);
        assertEquals(1, runner.recorded().get(0).recorded().size());
        assertTrue(!Thread.currentThread().isInterrupted(), "the flag was consumed");
    }

    @Test
    void aPlanNeedsARecordedRun() {
        assertThrows(IllegalArgumentException.class, () -> new BenchPlan(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BenchPlan(-1, 1));
    }
}
