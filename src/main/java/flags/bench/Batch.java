package flags.bench;

/** One whole batch of downloads, run once and measured; the benchmark runs it many times. */
@FunctionalInterface
public interface Batch {
    BenchRun run() throws InterruptedException;
}
