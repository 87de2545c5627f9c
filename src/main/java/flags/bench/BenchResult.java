package flags.bench;

import java.util.List;

/** The whole benchmark: the workload and one line per strategy, in the order the strategies were given. */
public record BenchResult(Workload workload, List<StrategyStats> strategies) {
    public BenchResult {
        strategies = List.copyOf(strategies);
    }
}
