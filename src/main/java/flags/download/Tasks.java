package flags.download;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * What the two executor strategies share, as {@link Lanes} is for async and nio: one task per code submitted to an
 * executor, results taken back in completion or submission order, and the hand-over when interrupted.
 */
final class Tasks {
    private Tasks() {}

    /** Which result is handed over next. */
    enum Order {
        /** Whichever download ends next, like {@code as_completed} in flags2_threadpool.py. */
        COMPLETION,
        /** The next one submitted, once it is done, like {@code executor.map} in flags_threadpool.py. */
        SUBMISSION
    }

    /** One code's download, as a task runs it: it may wait for its turn, and so be interrupted. */
    interface Download {
        DownloadResult of(String cc) throws InterruptedException;
    }

    /** Runs {@code download} for every code on {@code executor}, which it owns: it is stopped before this returns. */
    static void run(
            ExecutorService executor,
            List<String> codes,
            Download download,
            Order order,
            FlagClient client,
            Consumer<DownloadResult> onDone)
            throws InterruptedException {
        CompletionService<DownloadResult> completed = new ExecutorCompletionService<>(executor);
        Map<Future<DownloadResult>, String> codeOf = new LinkedHashMap<>(); // in submission order
        Set<Future<DownloadResult>> handedOver = new HashSet<>();
        InterruptedException stopped = null;
        try {
            for (String cc : codes) {
                codeOf.put(completed.submit(() -> download.of(cc)), cc);
            }
            Iterator<Future<DownloadResult>> submitted = codeOf.keySet().iterator();
            for (int i = 0; i < codes.size(); i++) {
                Future<DownloadResult> done = order == Order.SUBMISSION ? finished(submitted.next()) : completed.take();
                handedOver.add(done);
                onDone.accept(resultOf(done, codeOf.get(done), client));
            }
        } catch (InterruptedException e) {
            client.cancel(); // every download in flight now ends promptly, as not done
            stopped = e;
        } finally {
            Pools.stop(executor); // interrupts the tasks still running and waits for them to end
        }
        if (stopped != null) {
            // Every task that ran has ended, including those stopped while waiting for their turn inside the task
            // (they end as not done); a task still queued in the executor never ran and is not handed over.
            for (Map.Entry<Future<DownloadResult>, String> f : codeOf.entrySet()) {
                if (f.getKey().isDone() && !handedOver.contains(f.getKey())) {
                    onDone.accept(resultOf(f.getKey(), f.getValue(), client));
                }
            }
            throw stopped;
        }
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
