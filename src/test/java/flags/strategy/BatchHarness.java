package flags.strategy;

import flags.download.BatchClock;
import flags.download.DownloadOptions;
import flags.download.DownloadResult;
import flags.download.FlagClient;
import flags.download.FlagStore;
import flags.download.HttpClients;
import flags.download.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Runs one strategy over a batch the way the CLI does, with fast retries, and collects the results. */
final class BatchHarness {
    private BatchHarness() {}

    static List<DownloadResult> run(Strategy strategy, List<String> codes, HttpUrl base, Path out, int retries)
            throws InterruptedException {
        return run(strategy, codes, base, out, retries, false, Duration.ofSeconds(5));
    }

    /** The same with {@code --names} on or off and a given {@code --timeout}. */
    static List<DownloadResult> run(Strategy strategy, List<String> codes, HttpUrl base, Path out, int retries,
                                    boolean names, Duration timeout) throws InterruptedException {
        OkHttpClient http = HttpClients.create(Math.max(1, strategy.concurrency(codes.size())), timeout);
        try {
            DownloadOptions options = new DownloadOptions(base, DownloadOptions.DEFAULT_MAX_BYTES, names);
            RetryPolicy fast = new RetryPolicy(retries, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0.5);
            FlagClient client = new FlagClient(http, options, new FlagStore(out), fast, new BatchClock());
            List<DownloadResult> results = Collections.synchronizedList(new ArrayList<>());
            strategy.run(codes, client, results::add);
            return List.copyOf(results);
        } finally {
            HttpClients.shutdown(http);
        }
    }
}
