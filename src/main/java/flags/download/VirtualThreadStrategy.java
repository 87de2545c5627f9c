package flags.download;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/** {@code flags threads --virtual}: one virtual thread per download, a semaphore of {@code -m} permits as the bound. */
public final class VirtualThreadStrategy implements Strategy {
    private final int maxInFlight;
    private final Tasks.Order order;

    public VirtualThreadStrategy(int maxInFlight) {
        this(maxInFlight, Tasks.Order.COMPLETION);
    }

    private VirtualThreadStrategy(int maxInFlight, Tasks.Order order) {
        this.maxInFlight = maxInFlight;
        this.order = order;
    }

    /** The same downloads, results handed over in submission order: each once it and all before it are done. */
    public VirtualThreadStrategy inOrder() {
        return new VirtualThreadStrategy(maxInFlight, Tasks.Order.SUBMISSION);
    }

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public int concurrency(int codes) {
        return Math.min(maxInFlight, codes);
    }

    @Override
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone)
            throws InterruptedException {
        Semaphore permits = new Semaphore(Math.max(1, concurrency(codes.size())));
        Tasks.Download bounded = cc -> {
            permits.acquire(); // the bound on requests in flight: every code has its thread, all but n wait here
            try {
                return client.downloadOne(cc);
            } finally {
                permits.release();
            }
        };
        Tasks.run(VirtualThreads.newPerTaskExecutor(), codes, bounded, order, client, onDone);
    }
}
