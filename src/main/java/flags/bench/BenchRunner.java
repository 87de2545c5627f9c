package flags.bench;

import flags.report.BatchReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the plan: every warm-up round, then every recorded round, each round running each contender once in
 * the order given. Recorded reports are kept as they come, so an interrupted benchmark still has the runs
 * that finished.
 */
public final class BenchRunner {
    /** Told about every run as it ends, warm-ups included (progress lines, failed-run lines). */
    @FunctionalInterface
    public interface Listener {
        void ran(Contender contender, boolean warmup, int index, int of, BatchReport report);
    }

    private final List<Contender> contenders;
    private final BenchPlan plan;
    private final Listener listener;
    private final Map<Contender, List<BatchReport>> recorded = new LinkedHashMap<>();

    public BenchRunner(List<Contender> contenders, BenchPlan plan, Listener listener) {
        this.contenders = List.copyOf(contenders);
        this.plan = plan;
        this.listener = listener;
        this.contenders.forEach(c -> recorded.put(c, new ArrayList<>()));
    }

    /** Runs every round; throws when interrupted, keeping the recorded runs that finished. */
    public void run() throws InterruptedException {
        for (int i = 1; i <= plan.warmup(); i++) {
            for (Contender c : contenders) {
                listener.ran(c, true, i, plan.warmup(), runOnce(c));
            }
        }
        for (int i = 1; i <= plan.runs(); i++) {
            for (Contender c : contenders) {
                BatchReport report = runOnce(c);
                synchronized (this) {
                    recorded.get(c).add(report);
                }
                listener.ran(c, false, i, plan.runs(), report);
            }
        }
    }

    /** The recorded runs so far, one entry per contender (possibly with no run yet), in contender order. */
    public synchronized List<StrategyRuns> recorded() {
        List<StrategyRuns> out = new ArrayList<>();
        recorded.forEach((c, reports) -> out.add(new StrategyRuns(c.strategy(), c.concurrency(), reports)));
        return out;
    }

    private static BatchReport runOnce(Contender c) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("benchmark interrupted");
        }
        return c.batch().run();
    }
}
