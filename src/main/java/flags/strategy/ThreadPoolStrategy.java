package flags.strategy;

import flags.download.DownloadResult;
import flags.download.FlagClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * {@code flags threads}: blocking downloads on threads, results taken in completion order like
 * {@code as_completed} in Fluent Python's flags2_threadpool.py. Either a pool of {@code -m} platform threads,
 * or ({@code --virtual}) one virtual thread per download with a semaphore of {@code -m} permits as the bound.
 */
public final class ThreadPoolStrategy implements Strategy {
    private final int maxInFlight;
    private final boolean virtual;

    public ThreadPoolStrategy(int maxInFlight) {
        this(maxInFlight, false);
    }

    private ThreadPoolStrategy(int maxInFlight, boolean virtual) {
        this.maxInFlight = maxInFlight;
        this.virtual = virtual;
    }

    /** One virtual thread per download, at most {@code maxInFlight} downloading; needs Java 21+. */
    public static ThreadPoolStrategy virtual(int maxInFlight) {
        if (!VirtualThreads.available()) {
            throw new UnsupportedOperationException(VirtualThreads.NEEDS_JAVA_21);
        }
        return new ThreadPoolStrategy(maxInFlight, true);
    }

    @Override
    public String name() {
        return virtual ? "virtual" : "threads";
    }

    @Override
    public int concurrency(int codes) {
        return Math.min(maxInFlight, codes);
    }

    @Override
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone) throws InterruptedException {
        ExecutorService pool = virtual
                ? VirtualThreads.newPerTaskExecutor()
                : Executors.newFixedThreadPool(Math.max(1, concurrency(codes.size())));
        Semaphore permits = new Semaphore(maxInFlight); // platform pool: never contended, the pool size bounds
        CompletionService<DownloadResult> completed = new ExecutorCompletionService<>(pool);
        Map<Future<DownloadResult>, String> codeOf = new HashMap<>();
        try {
            for (String cc : codes) {
                codeOf.put(completed.submit(bounded(permits, () -> client.downloadOne(cc))), cc);
            }
            for (int i = 0; i < codes.size(); i++) {
                Future<DownloadResult> done = completed.take();
                onDone.accept(resultOf(done, codeOf.get(done), client));
            }
        } catch (InterruptedException e) {
            client.cancel();
            Pools.stop(pool); // interrupts the downloads still running and waits for them to end
            for (Future<DownloadResult> done; (done = completed.poll()) != null; ) {
                onDone.accept(resultOf(done, codeOf.get(done), client)); // those that ran; queued ones never did
            }
            throw e;
        } finally {
            Pools.stop(pool);
        }
    }

    private static <T> Callable<T> bounded(Semaphore permits, Callable<T> task) {
        return () -> {
            permits.acquire();
            try {
                return task.call();
            } finally {
                permits.release();
            }
        };
    }

    private static DownloadResult resultOf(Future<DownloadResult> done, String cc, FlagClient client) {
        try {
            return done.get(); // done: never blocks
        } catch (ExecutionException e) {
            return client.crashed(cc, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return client.crashed(cc, e);
        }
    }
}
