package flags.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures what each run costs the client side of this JVM, leaving out the embedded server's threads and the
 * benchmark's own (this meter's, the progress bar's). A daemon thread samples the live platform threads and the heap
 * in use every {@value #PERIOD_MS} ms; each client thread's CPU time and allocated bytes (the per-thread counters of
 * {@code com.sun.management.ThreadMXBean}) are read when a run begins and again at its last result, while the
 * strategy's threads are still alive: a pool's threads end with the strategy, and their counters with them.
 */
public final class CostMeter implements AutoCloseable {
    static final String THREAD_NAME = "flags-bench-meter";
    static final long PERIOD_MS = 5;
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(1);
    /** Polls 2 ms apart with no thread ending that mean the threads have settled. */
    private static final int SETTLED_POLLS = 10;
    /** Threads that are never the client's: this meter's, the progress bar library's. */
    private static final List<String> OURS = List.of(THREAD_NAME, "ProgressBar");

    private final ThreadMXBean threads;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadGroup root;
    private final ScheduledExecutorService sampler;
    private Thread[] buffer = new Thread[64]; // the sampler's only, reused so sampling makes little garbage
    private volatile Window window;

    private final List<String> notClient;

    private CostMeter(ThreadMXBean threads, List<String> notClient) {
        this.threads = threads;
        this.notClient = notClient;
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        while (group.getParent() != null) {
            group = group.getParent();
        }
        this.root = group;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * A meter sampling from now on; null when this JVM has no per-thread CPU and allocation counters. Threads whose
     * names start with one of {@code serverThreads} are left out with the meter's own: the caller names its server's
     * threads, so the benchmark need not know the server.
     */
    public static CostMeter start(List<String> serverThreads) {
        if (!(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean t)
                || !t.isThreadCpuTimeSupported()
                || !t.isThreadAllocatedMemorySupported()) {
            return null;
        }
        if (!t.isThreadCpuTimeEnabled()) {
            t.setThreadCpuTimeEnabled(true);
        }
        if (!t.isThreadAllocatedMemoryEnabled()) {
            t.setThreadAllocatedMemoryEnabled(true);
        }
        List<String> notClient = new ArrayList<>(OURS);
        notClient.addAll(serverThreads);
        return new CostMeter(t, List.copyOf(notClient));
    }

    /**
     * Waits, up to a second, until client threads have stopped ending. A pool's awaitTermination returns once its
     * last worker has left, but hundreds of workers may still be queued on the pool's lock on their way out, and
     * would count as the next run's threads: 380 of a 500-thread pool did, in a virtual-threads run after threads.
     */
    void settle() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        int last = clientThreads().size();
        for (int steady = 0; steady < SETTLED_POLLS && System.nanoTime() < deadline; ) {
            TimeUnit.MILLISECONDS.sleep(2);
            int now = clientThreads().size();
            steady = now < last ? 0 : steady + 1;
            last = now;
        }
    }

    /** Starts measuring one run: its counters so far, its peaks from now. */
    Window begin() {
        List<Thread> client = clientThreads();
        Window w = new Window(
                counters(client), client.size(), memory.getHeapMemoryUsage().getUsed());
        window = w;
        return w;
    }

    /** Stops the sampling thread. */
    @Override
    public void close() {
        window = null;
        sampler.shutdownNow();
    }

    private void sample() {
        Window w = window;
        if (w != null) {
            w.observe(countClient(), memory.getHeapMemoryUsage().getUsed());
        }
    }

    /** Client threads alive now, counted into the sampler's buffer (grown when too small) and then let go. */
    private int countClient() {
        int n;
        while ((n = root.enumerate(buffer, true)) == buffer.length) {
            buffer = new Thread[buffer.length * 2];
        }
        int client = 0;
        for (int i = 0; i < n; i++) {
            if (isClient(buffer[i])) {
                client++;
            }
        }
        Arrays.fill(buffer, 0, n, null);
        return client;
    }

    private List<Thread> clientThreads() {
        Thread[] all = new Thread[root.activeCount() * 2 + 16];
        int n;
        while ((n = root.enumerate(all, true)) == all.length) {
            all = new Thread[all.length * 2];
        }
        List<Thread> client = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (isClient(all[i])) {
                client.add(all[i]);
            }
        }
        return client;
    }

    private boolean isClient(Thread t) {
        String name = t.getName();
        for (String prefix : notClient) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** Thread id to {CPU nanoseconds, allocated bytes}, for the threads that still answer. */
    private Map<Long, long[]> counters(List<Thread> client) {
        long[] ids = client.stream().mapToLong(Thread::getId).toArray();
        long[] cpu = threads.getThreadCpuTime(ids);
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, long[]> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0 && bytes[i] >= 0) {
                out.put(ids[i], new long[] {cpu[i], bytes[i]});
            }
        }
        return out;
    }

    /** One run being measured. */
    final class Window {
        private final Map<Long, long[]> base;
        private int peakThreads;
        private long peakHeap;
        private ClientCost cost;
        private Duration captureTook = Duration.ZERO;

        private Window(Map<Long, long[]> base, int threadsNow, long heapNow) {
            this.base = base;
            this.peakThreads = threadsNow;
            this.peakHeap = heapNow;
        }

        private synchronized void observe(int threadsNow, long heapNow) {
            peakThreads = Math.max(peakThreads, threadsNow);
            peakHeap = Math.max(peakHeap, heapNow);
        }

        /**
         * Reads every client thread's counters now, once: call it at the run's last result. Threads that were alive
         * at the start and ended before this are not counted (a strategy's own threads live until it returns).
         */
        synchronized void capture() {
            if (cost != null) {
                return;
            }
            long began = System.nanoTime();
            List<Thread> client = clientThreads();
            observe(client.size(), memory.getHeapMemoryUsage().getUsed());
            long cpu = 0;
            long bytes = 0;
            for (Map.Entry<Long, long[]> now : counters(client).entrySet()) {
                long[] before = base.getOrDefault(now.getKey(), new long[2]);
                cpu += Math.max(0, now.getValue()[0] - before[0]);
                bytes += Math.max(0, now.getValue()[1] - before[1]);
            }
            cost = new ClientCost(peakThreads, Duration.ofNanos(cpu), bytes, peakHeap);
            captureTook = Duration.ofNanos(System.nanoTime() - began);
        }

        /** How long {@link #capture()} took: spent inside the run's wall time, and not the strategy's doing. */
        synchronized Duration captureTook() {
            return captureTook;
        }

        /** The run's cost; captured now if its last result never came (an interrupted run). */
        synchronized ClientCost end() {
            capture();
            if (window == this) {
                window = null;
            }
            return cost;
        }
    }
}
