package flags.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A bounded Jetty pool that also remembers the most threads it ran at once. */
final class CountingThreadPool extends QueuedThreadPool {

    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /**
     * An unbounded {@link LinkedBlockingQueue} holds the jobs, as Jetty's default queue would, but without
     * its class initialisation, which starts the JMX platform server to size cache lines (~50 ms of start).
     */
    CountingThreadPool(int maxThreads, int minThreads) {
        super(maxThreads, minThreads, 60_000, new LinkedBlockingQueue<>());
    }

    @Override
    public Thread newThread(Runnable runnable) {
        return super.newThread(() -> {
            peak.accumulateAndGet(live.incrementAndGet(), Math::max);
            try {
                runnable.run();
            } finally {
                live.decrementAndGet();
            }
        });
    }

    int peakThreads() {
        return peak.get();
    }
}
