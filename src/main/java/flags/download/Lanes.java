package flags.download;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * At most {@code m} downloads in flight with no thread blocked on a permit, as flags2_asyncio.py's semaphore does
 * it: {@code m} lanes start one download each, and each download that ends starts the next code waiting.
 */
final class Lanes {
    private Lanes() {}

    /** Runs every code through {@code lanes} lanes of {@code client.downloadOneAsync}; waits for the batch. */
    static void run(List<String> codes, int lanes, FlagClient client, Consumer<DownloadResult> onDone)
            throws InterruptedException {
        Queue<String> waiting = new ConcurrentLinkedQueue<>(codes);
        CompletableFuture<?>[] all = new CompletableFuture<?>[lanes];
        for (int i = 0; i < lanes; i++) {
            all[i] = next(waiting, client, onDone);
        }
        CompletableFuture<Void> batch = CompletableFuture.allOf(all);
        try {
            batch.get(); // the one blocked thread: the caller's, waiting for the batch
        } catch (InterruptedException e) {
            waiting.clear(); // codes not started stay not started
            client.cancel(); // every download in flight now ends promptly, as not done
            batch.handle((done, failed) -> null).join();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("reporting a result failed", e.getCause());
        }
    }

    /** One lane: the next code's download and, when it has ended and been handed over, the one after. */
    private static CompletableFuture<Void> next(
            Queue<String> waiting, FlagClient client, Consumer<DownloadResult> onDone) {
        String cc = waiting.poll();
        if (cc == null) {
            return CompletableFuture.completedFuture(null);
        }
        return client.downloadOneAsync(cc) // never completes exceptionally
                .thenAccept(onDone)
                .thenCompose(done -> next(waiting, client, onDone));
    }
}
