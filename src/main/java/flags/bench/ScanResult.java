package flags.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code flags bench --scan-m}: the same comparison at each {@code -m}, ascending, each point a whole benchmark of its
 * own ({@code plan} runs of every strategy).
 */
record ScanResult(Workload workload, BenchPlan plan, List<Point> points) {
    /** Below this efficiency a strategy has left the ideal: its median is more than 1.25 times the ideal. */
    public static final double LEAVES_IDEAL = 0.8;

    /** One {@code -m} and the benchmark at it. */
    public record Point(int maxReq, Comparison result) {}

    public ScanResult {
        points = List.copyOf(points);
    }

    /** The strategies, in the order they were given. */
    public List<String> strategies() {
        Set<String> names = new LinkedHashSet<>();
        points.forEach(p -> p.result().strategies().forEach(s -> names.add(s.strategy())));
        return new ArrayList<>(names);
    }

    /** The shortest possible batch at {@code -m} (see {@link BenchStats#ideal(Workload, int)}); null when unknown. */
    public Duration ideal(int maxReq) {
        return workload.delay() == null ? null : BenchStats.ideal(workload, Math.min(maxReq, workload.codes()));
    }

    /** {@code strategy}'s statistics at a point, or null if it has none there. */
    public static StrategyStats stats(Point p, String strategy) {
        return p.result().strategies().stream()
                .filter(s -> s.strategy().equals(strategy))
                .findFirst()
                .orElse(null);
    }

    /**
     * The first (smallest) {@code -m} at which {@code strategy}'s efficiency is below {@link #LEAVES_IDEAL}; null if
     * none.
     */
    public Integer leavesIdealAt(String strategy) {
        for (Point p : points) {
            StrategyStats s = stats(p, strategy);
            if (s != null && s.efficiency() != null && s.efficiency() < LEAVES_IDEAL) {
                return p.maxReq();
            }
        }
        return null;
    }
}
