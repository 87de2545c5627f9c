package flags.download;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code flags async}: every download a {@link CompletableFuture} pipeline over OkHttp's
 * callback API ({@code enqueue}), at most {@code -m} in flight, held here by {@link Lanes} as flags2_asyncio.py's
 * semaphore holds it. None of our threads waits for a request, but OkHttp's I/O is blocking: it runs each call on a
 * dispatcher thread of its own, so {@code -m 500} holds 500 threads, as {@code threads} does.
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
        Lanes.run(codes, concurrency(codes.size()), client, onDone);
    }
}
