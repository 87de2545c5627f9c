package flags.download;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code as_completed} in Fluent Python's flags2_threadpool.py, or ({@code --in-order}) in submission order like
 * {@code executor.map} in flags_threadpool.py. Either a pool of {@code -m} platform threads, or
 * ({@code --virtual}) one virtual thread per download with a semaphore of {@code -m} permits as the bound.
 */
public final class ThreadPoolStrategy implements Strategy {
    private final int maxInFlight;
    private final boolean virtual;
    private final boolean inOrder;

    public ThreadPoolStrategy(int maxInFlight) {
        this(maxInFlight, false, false);
    }

    private ThreadPoolStrategy(int maxInFlight, boolean virtual, boolean inOrder) {
        this.maxInFlight = maxInFlight;
        this.virtual = virtual;
        this.inOrder = inOrder;
    }

    /** One virtual thread per download, at most {@code maxInFlight} downloading; needs Java 21+. */
    public static ThreadPoolStrategy virtual(int maxInFlight) {
        if (!VirtualThreads.available()) {
            throw new UnsupportedOperationException(VirtualThreads.NEEDS_JAVA_21);
        }
        return new ThreadPoolStrategy(maxInFlight, true, false);
    }

    /** The same downloads, results handed over in submission order: each once it and all before it are done. */
    public ThreadPoolStrategy inOrder() {
        return new ThreadPoolStrategy(maxInFlight, virtual, true);
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
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone)
            throws InterruptedException {
        int n = Math.max(1, concurrency(codes.size()));
        // The bound on requests in flight: n platform threads run n downloads while the other codes queue for a
        // thread; virtual threads start one per code, so each first waits for one of n permits.
        ExecutorService pool = virtual ? VirtualThreads.newPerTaskExecutor() : Executors.newFixedThreadPool(n);
        Semaphore permits = virtual ? new Semaphore(n) : null;
        CompletionService<DownloadResult> completed = new ExecutorCompletionService<>(pool);
        Map<Future<DownloadResult>, String> codeOf = new LinkedHashMap<>(); // in submission order
        Set<Future<DownloadResult>> handedOver = new HashSet<>();
        try {
            for (String cc : codes) {
                Callable<DownloadResult> download = () -> client.downloadOne(cc);
                codeOf.put(completed.submit(permits == null ? download : bounded(permits, download)), cc);
            }
            Iterator<Future<DownloadResult>> submitted = codeOf.keySet().iterator();
            for (int i = 0; i < codes.size(); i++) {
                // as_completed: whichever finishes next; executor.map: the next one submitted, once it is done
                Future<DownloadResult> done = inOrder ? finished(submitted.next()) : completed.take();
                handedOver.add(done);
                onDone.accept(resultOf(done, codeOf.get(done), client));
            }
        } catch (InterruptedException e) {
            client.cancel();
            Pools.stop(pool); // interrupts the downloads still running and waits for them to end
            for (Future<DownloadResult> f : codeOf.keySet()) {
                if (f.isDone() && !handedOver.contains(f)) {
                    onDone.accept(resultOf(f, codeOf.get(f), client)); // those that ran; queued ones never did
                }
            }
            throw e;
        } finally {
            Pools.stop(pool);
        }
    }

    /** {@code task}, run only while holding one of the {@code permits}: virtual threads queue here, not in a pool. */
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

    /** Waits until {@code f} is done, however it ended: {@link #resultOf} then reads its result or its failure. */
    private static <T> Future<T> finished(Future<T> f) throws InterruptedException {
        try {
            f.get();
        } catch (ExecutionException e) {
            // not lost: resultOf turns it into the code's result right after
        }
        return f;
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
