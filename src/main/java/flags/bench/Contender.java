package flags.bench;

import java.util.Objects;

/** A strategy in the benchmark: its name, its concurrency for the batch, and how to run one batch. */
public record Contender(String strategy, int concurrency, Batch batch) {
    /** One whole batch of downloads, run once and measured; the benchmark runs it many times. */
    @FunctionalInterface
    public interface Batch {
        MeasuredRun run() throws InterruptedException;
    }

    public Contender {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(batch, "batch");
    }
}
