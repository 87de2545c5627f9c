package flags.bench;

import flags.report.BatchReport;

/** One whole batch of downloads, run once and reported; the benchmark runs it many times. */
@FunctionalInterface
public interface Batch {
    BatchReport run() throws InterruptedException;
}
