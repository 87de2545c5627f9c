package flags.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the plan: every warm-up round, then every recorded round, each round running each contender once in
 * the order given. Recorded runs are kept as they come, so an interrupted benchmark still has the runs
 * that finished.
 */
final class RoundRobin {
    /** Told about every run as it starts and ends, warm-ups included (progress bar, run lines, failed-run lines). */
    @FunctionalInterface
    public interface Listener {
        default void starting(Contender contender, boolean warmup, int index, int of) {}

        void ran(Contender contender, boolean warmup, int index, int of, MeasuredRun run);
    }

    private final List<Contender> contenders;
    private final BenchPlan plan;
    private final Listener listener;
    private final Map<Contender, List<MeasuredRun>> recorded = new LinkedHashMap<>();

    public RoundRobin(List<Contender> contenders, BenchPlan plan, Listener listener) {
        this.contenders = List.copyOf(contenders);
        this.plan = plan;
        this.listener = listener;
        this.contenders.forEach(c -> recorded.put(c, new ArrayList<>()));
    }

    /** Runs every round; throws when interrupted, keeping the recorded runs that finished. */
    public void run() throws InterruptedException {
        for (int i = 1; i <= plan.warmup(); i++) {
            for (Contender c : contenders) {
                listener.starting(c, true, i, plan.warmup());
                listener.ran(c, true, i, plan.warmup(), runOnce(c));
            }
        }
        for (int i = 1; i <= plan.runs(); i++) {
            for (Contender c : contenders) {
                listener.starting(c, false, i, plan.runs());
                MeasuredRun run = runOnce(c);
                synchronized (this) {
                    recorded.get(c).add(run);
                }
                listener.ran(c, false, i, plan.runs(), run);
            }
        }
    }

    /** The recorded runs so far, one entry per contender (possibly with no run yet), in contender order. */
    public synchronized List<RecordedRuns> recorded() {
        List<RecordedRuns> out = new ArrayList<>();
        recorded.forEach((c, runs) -> out.add(new RecordedRuns(c.strategy(), c.concurrency(), runs)));
        return out;
    }

    private static MeasuredRun runOnce(Contender c) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("benchmark interrupted");
        }
        return c.batch().run();
    }
}
