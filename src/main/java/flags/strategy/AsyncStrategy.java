package flags.strategy;

import flags.download.DownloadResult;
import flags.download.FlagClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * {@code flags async}: every download is a {@link CompletableFuture} chained on OkHttp's enqueued calls, joined
 * with {@code allOf} (Fluent Python's flags_asyncio.py). None of our threads waits for a request; OkHttp's
 * dispatcher, sized to {@code -m}, runs at most that many calls at once and queues the rest, the way the book's
 * semaphore does. OkHttp's I/O is blocking underneath: each running call occupies one dispatcher thread.
 */
public final class AsyncStrategy implements Strategy {
    private final int maxInFlight;

    public AsyncStrategy(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    @Override
    public String name() {
        return "async";
    }

    @Override
    public int concurrency(int codes) {
        return Math.min(maxInFlight, codes);
    }

    @Override
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone)
            throws InterruptedException {
        CompletableFuture<?>[] all = codes.stream()
                .map(cc -> client.downloadOneAsync(cc).thenAccept(onDone)) // never completes exceptionally
                .toArray(CompletableFuture[]::new);
        CompletableFuture<Void> batch = CompletableFuture.allOf(all);
        try {
            batch.get(); // the one blocked thread: the caller's, waiting for the batch
        } catch (InterruptedException e) {
            client.cancel(); // every future now completes promptly, as not done
            batch.handle((done, failed) -> null).join();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("reporting a result failed", e.getCause());
        }
    }
}
