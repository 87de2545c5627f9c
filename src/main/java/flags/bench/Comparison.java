package flags.bench;

import java.util.List;

/**
 * One comparison of the strategies (the whole benchmark, or one {@code -m} of a scan): the workload and each
 * strategy's statistics, in the order given.
 */
record Comparison(Workload workload, List<StrategyStats> strategies) {
    public Comparison {
        strategies = List.copyOf(strategies);
    }
}
