package flags.download;

import flags.BatchClock;
import flags.http.Proxies;
import flags.http.Transport;
import flags.store.FlagStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/** Builds the client a test batch needs (fast retries, a short timeout) and runs it on {@link Batch}, as the CLI does. */
final class BatchHarness {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private BatchHarness() {}

    static List<DownloadResult> run(Strategy strategy, List<String> codes, HttpUrl base, Path out, int retries)
            throws InterruptedException {
        return run(strategy, codes, base, out, retries, false, TIMEOUT);
    }

    /** The same with {@code --names} on or off and a given {@code --timeout}. */
    static List<DownloadResult> run(
            Strategy strategy, List<String> codes, HttpUrl base, Path out, int retries, boolean names, Duration timeout)
            throws InterruptedException {
        return run(strategy, codes, base, new FlagStore(out), new BatchClock(), retries, names, timeout, r -> {});
    }

    /** The same, saving through {@code store} on {@code clock}: either may be one that fails on purpose. */
    static List<DownloadResult> run(
            Strategy strategy, List<String> codes, HttpUrl base, FlagStore store, BatchClock clock, int retries)
            throws InterruptedException {
        return run(strategy, codes, base, store, clock, retries, r -> {});
    }

    /** The same, showing each result to {@code watcher} the moment it is handed over. */
    static List<DownloadResult> run(
            Strategy strategy,
            List<String> codes,
            HttpUrl base,
            FlagStore store,
            BatchClock clock,
            int retries,
            Consumer<DownloadResult> watcher)
            throws InterruptedException {
        return run(strategy, codes, base, store, clock, retries, false, TIMEOUT, watcher);
    }

    private static List<DownloadResult> run(
            Strategy strategy,
            List<String> codes,
            HttpUrl base,
            FlagStore store,
            BatchClock clock,
            int retries,
            boolean names,
            Duration timeout,
            Consumer<DownloadResult> watcher)
            throws InterruptedException {
        Transport http = Transport.create(
                strategy.transport(), Math.max(1, strategy.concurrency(codes.size())), timeout, Proxies.none());
        try {
            DownloadOptions options = new DownloadOptions(base, DownloadOptions.DEFAULT_MAX_BYTES, names);
            RetryPolicy fast = new RetryPolicy(retries, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0.5);
            FlagClient client = new FlagClient(http, options, store, fast, clock);
            Batch.Outcome outcome = Batch.run(strategy, codes, client, clock, watcher);
            if (Thread.interrupted()) {
                throw new InterruptedException(
                        "batch stopped after " + outcome.handedOver().size() + " results");
            }
            return outcome.handedOver();
        } finally {
            http.shutdown();
        }
    }
}
