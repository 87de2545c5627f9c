package flags.strategy;

import flags.download.DownloadResult;
import flags.download.FlagClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code flags threads}: a pool of {@code -m} platform threads, each running blocking downloads; results are
 * taken in completion order, like {@code as_completed} in Fluent Python's flags2_threadpool.py.
 */
public final class ThreadPoolStrategy implements Strategy {
    private final int threads;

    public ThreadPoolStrategy(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public int concurrency(int codes) {
        return Math.min(threads, codes);
    }

    @Override
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency(codes.size())));
        try {
            CompletionService<DownloadResult> completed = new ExecutorCompletionService<>(pool);
            Map<Future<DownloadResult>, String> codeOf = new HashMap<>();
            for (String cc : codes) {
                codeOf.put(completed.submit(() -> client.downloadOne(cc)), cc);
            }
            for (int i = 0; i < codes.size(); i++) {
                Future<DownloadResult> done = completed.take();
                onDone.accept(resultOf(done, codeOf.get(done), client));
            }
        } finally {
            pool.shutdownNow(); // after Ctrl-C this interrupts the workers still downloading
        }
    }

    private static DownloadResult resultOf(Future<DownloadResult> done, String cc, FlagClient client)
            throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            return client.crashed(cc, e.getCause());
        }
    }
}
