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
            Lane lane = new Lane(waiting, client, onDone);
            lane.next(null);
            all[i] = lane.done;
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
            // A listener failed in a lane: the caller sees its own exception, as on the blocking strategies' thread.
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            if (e.getCause() instanceof Error failed) {
                throw failed;
            }
            throw new IllegalStateException("reporting a result failed", e.getCause());
        }
    }

    /** One lane: one download at a time, the next started by whichever thread ended the one before. */
    private static final class Lane {
        private final Queue<String> waiting;
        private final FlagClient client;
        private final Consumer<DownloadResult> onDone;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Lane(Queue<String> waiting, FlagClient client, Consumer<DownloadResult> onDone) {
            this.waiting = waiting;
            this.client = client;
            this.onDone = onDone;
        }

        /** Hands over {@code ended} (null at the start), then starts codes until one is in flight or none waits. */
        void next(DownloadResult ended) {
            try {
                if (ended != null) {
                    onDone.accept(ended);
                }
                for (String cc = waiting.poll(); cc != null; cc = waiting.poll()) {
                    CompletableFuture<DownloadResult> download = client.downloadOneAsync(cc); // never fails
                    if (!download.isDone()) {
                        download.thenAccept(this::next); // returns: the thread that ends it goes on from here
                        return;
                    }
                    // Ended at once (refused, or the batch cancelled): loop, not recurse, or a long run of such
                    // codes would nest a call per code. (One that ends between isDone and thenAccept nests once.)
                    onDone.accept(download.join());
                }
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e); // a listener failed: the batch reports it once the other lanes end
            }
        }
    }
}
