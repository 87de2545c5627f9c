package flags.download;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@code flags async}: every download a {@link CompletableFuture} pipeline over OkHttp's callback API. */
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

    // At most -m in flight, held by Lanes as flags2_asyncio.py's semaphore holds it. None of our threads waits for a
    // request, but OkHttp's I/O is blocking: it runs each call on a dispatcher thread of its own, so -m 500 holds
    // 500 threads, as threads does.
    @Override
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone)
            throws InterruptedException {
        Lanes.run(codes, concurrency(codes.size()), client, onDone);
    }
}
