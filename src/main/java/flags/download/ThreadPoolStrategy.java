package flags.download;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** {@code flags threads}: blocking downloads on a pool of {@code -m} platform threads (flags2_threadpool.py). */
public final class ThreadPoolStrategy implements Strategy {
    private final int maxInFlight;
    private final Tasks.Order order;

    public ThreadPoolStrategy(int maxInFlight) {
        this(maxInFlight, Tasks.Order.COMPLETION);
    }

    private ThreadPoolStrategy(int maxInFlight, Tasks.Order order) {
        this.maxInFlight = maxInFlight;
        this.order = order;
    }

    /** The same downloads, results handed over in submission order: each once it and all before it are done. */
    public ThreadPoolStrategy inOrder() {
        return new ThreadPoolStrategy(maxInFlight, Tasks.Order.SUBMISSION);
    }

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public int concurrency(int codes) {
        return Math.min(maxInFlight, codes);
    }

    @Override
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone)
            throws InterruptedException {
        // The bound on requests in flight: n threads run n downloads, the other codes queue for a thread.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency(codes.size())));
        Tasks.run(pool, codes, client::downloadOne, order, client, onDone);
    }
}
