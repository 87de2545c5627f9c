package flags.bench;

import flags.report.BatchReport;
import java.util.List;

/** The recorded runs of one strategy, in the order they ran. */
record RecordedRuns(String strategy, int concurrency, List<MeasuredRun> recorded) {
    public RecordedRuns {
        recorded = List.copyOf(recorded);
    }

    /** The batches alone, in the order they ran. */
    public List<BatchReport> reports() {
        return recorded.stream().map(MeasuredRun::report).toList();
    }
}
