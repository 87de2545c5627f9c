package flags.bench;

import java.util.List;

/**
 * One comparison of the strategies (the whole benchmark, or one {@code -m} of a scan): the workload and a line per
 * strategy, in the order given.
 */
public record Comparison(Workload workload, List<StrategyLine> strategies) {
    public Comparison {
        strategies = List.copyOf(strategies);
    }
}
