package flags.bench;

import flags.report.BatchReport;
import java.util.List;

/** The recorded runs of one strategy, in the order they ran. */
public record StrategyRuns(String strategy, int concurrency, List<BenchRun> recorded) {
    public StrategyRuns {
        recorded = List.copyOf(recorded);
    }

    /** The batches alone, in the order they ran. */
    public List<BatchReport> reports() {
        return recorded.stream().map(BenchRun::report).toList();
    }
}
