package flags.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flags.download.AsyncStrategy;
import flags.download.DownloadOptions;
import flags.download.FlagClient;
import flags.download.NioStrategy;
import flags.download.RetryPolicy;
import flags.download.Status;
import flags.download.Strategy;
import flags.download.ThreadPoolStrategy;
import flags.download.VirtualThreadStrategy;
import flags.download.VirtualThreads;
import flags.http.Proxies;
import flags.http.Transport;
import flags.input.Codes;
import flags.server.FlagServer;
import flags.store.FlagStore;
import flags.testing.HeldRest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link CostMeter} counts: client threads only, their CPU time and allocations; and, on real strategies at a
 * large -m, costs that tell the models apart. CI runs this class on a JDK 21+ too, for virtual threads.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(value = 5, unit = TimeUnit.MINUTES) // seconds normally; a bound only a hang reaches on a busy machine
class CostMeterTest {
    private static final int M = 100;
    private static final List<String> CODES = Codes.expand(List.of("A", "B", "C", "D")); // 104, mostly not found

    @TempDir
    Path out;

    private CostMeter meter;
    private final List<Thread> started = new ArrayList<>();
    private final CountDownLatch finish = new CountDownLatch(1);

    @BeforeEach
    void startMeter() {
        meter = CostMeter.start(List.of(FlagServer.THREAD_NAME_PREFIX, "MockWebServer"));
        assertNotNull(meter, "HotSpot has per-thread CPU and allocation counters");
    }

    @AfterEach
    void stop() throws InterruptedException {
        finish.countDown();
        for (Thread t : started) {
            t.join(5000);
        }
        meter.close();
    }

    /** A thread that does {@code work}, says so, and stays alive until the test ends. */
    private CountDownLatch thread(String name, Runnable work) {
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(
                () -> {
                    work.run();
                    done.countDown();
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
        started.add(t);
        t.start();
        return done;
    }

    @Test
    void theServersThreadsAreNotTheClients() throws Exception {
        int before = meter.begin().end().peakThreads();
        CostMeter.Window server = meter.begin();
        for (int i = 0; i < 10; i++) {
            assertTrue(thread(FlagServer.THREAD_NAME_PREFIX + "-test-" + i, () -> {})
                    .await(5, TimeUnit.SECONDS));
        }
        int withServer = server.end().peakThreads();
        CostMeter.Window client = meter.begin();
        for (int i = 0; i < 10; i++) {
            assertTrue(thread("client-test-" + i, () -> {}).await(5, TimeUnit.SECONDS));
        }
        int withClients = client.end().peakThreads();
        // Idle threads of earlier tests may end meanwhile: a little slack downwards, none for ten more.
        assertTrue(withServer <= before + 2, "ten server threads count as none: " + before + " -> " + withServer);
        assertTrue(withClients >= withServer + 9, "ten client threads count: " + withServer + " -> " + withClients);
    }

    @Test
    void settlingWaitsForAPoolsWorkersOnTheirWayOut() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(300, r -> new Thread(r, "settle-test-" + made.incrementAndGet()));
        CountDownLatch ran = new CountDownLatch(300);
        for (int i = 0; i < 300; i++) {
            pool.execute(ran::countDown);
        }
        assertTrue(ran.await(10, TimeUnit.SECONDS), "300 workers started");
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        meter.settle(); // awaitTermination returned, yet workers may still be on their way out
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("settle-test-"))
                .toList();
        assertEquals(List.of(), left, "every worker of the pool has ended");
    }

    @Test
    void cpuTimeAndAllocationsOfClientThreadsAreCounted() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CostMeter.Window w = meter.begin();
        List<byte[]> keep = new ArrayList<>();
        thread("client-busy", () -> {
                    long end =
                            mx.getCurrentThreadCpuTime() + Duration.ofMillis(80).toNanos();
                    while (mx.getCurrentThreadCpuTime() < end) {
                        Thread.onSpinWait();
                    }
                    for (int i = 0; i < 20; i++) {
                        keep.add(new byte[1 << 20]);
                    }
                })
                .await(10, TimeUnit.SECONDS);
        thread(FlagServer.THREAD_NAME_PREFIX + "-busy", () -> {
                    long end = mx.getCurrentThreadCpuTime()
                            + Duration.ofMillis(300).toNanos();
                    while (mx.getCurrentThreadCpuTime() < end) {
                        Thread.onSpinWait();
                    }
                })
                .await(10, TimeUnit.SECONDS);
        ClientCost cost = w.end();
        assertTrue(cost.cpu().toMillis() >= 80, "the client thread's 80 ms: " + cost.cpu());
        assertTrue(cost.cpu().toMillis() < 300, "not the server thread's 300 ms: " + cost.cpu());
        assertTrue(cost.allocatedBytes() >= 20L << 20, "20 MiB allocated: " + cost.allocatedBytes());
        assertTrue(cost.peakHeapBytes() > 0);
        assertEquals(20, keep.size());
    }

    /** A run's cost, and how many client threads were alive just before it (OkHttp's shared ones linger). */
    private record Measured(int aliveBefore, ClientCost cost) {
        int added() {
            return cost.peakThreads() - aliveBefore;
        }
    }

    /**
     * One measured run against a server that holds every answer until {@code M} requests are in flight at once, so
     * the peak is reached however slowly a busy machine starts them; then every answer goes at once.
     */
    private Measured run(Strategy strategy) throws Exception {
        Transport http = Transport.create(
                strategy.transport(), strategy.concurrency(CODES.size()), Duration.ofSeconds(60), Proxies.none());
        try (HeldRest server = HeldRest.start(List.of())) {
            MeasuredBatch batch = new MeasuredBatch(
                    strategy,
                    CODES,
                    out,
                    http,
                    (runHttp, clock, dir) -> new FlagClient(
                            runHttp,
                            new DownloadOptions(server.base(), 1 << 20, false),
                            new FlagStore(dir),
                            RetryPolicy.standard(0),
                            clock),
                    meter);
            int before = meter.begin().end().peakThreads();
            FutureTask<MeasuredRun> running = new FutureTask<>(batch::run);
            new Thread(running, "cost-meter-test-batch").start();
            assertTrue(server.awaitHeld(M, Duration.ofMinutes(2)), "every slot in use at once");
            server.release();
            MeasuredRun run = running.get(2, TimeUnit.MINUTES);
            assertEquals(0, run.report().count(Status.ERROR));
            assertEquals(M, run.report().maxInFlight(), "every slot was in use at once");
            return new Measured(before, run.cost());
        } finally {
            http.shutdown();
        }
    }

    @Test
    void atALargeMThreadsAndAsyncHoldAThreadPerRequestInFlight() throws Exception {
        Measured threads = run(new ThreadPoolStrategy(M));
        Measured async = run(new AsyncStrategy(M));
        assertTrue(threads.cost().peakThreads() >= M, "a pool of " + M + ": " + threads);
        assertTrue(async.cost().peakThreads() >= M, "OkHttp's dispatcher runs each call on a thread: " + async);
        for (Measured m : List.of(threads, async)) {
            assertTrue(m.cost().cpu().toNanos() > 0 && m.cost().allocatedBytes() > 0, m.toString());
        }
    }

    @Test
    void nioHoldsEveryRequestInFlightOnAFewThreads() throws Exception {
        Measured nio = run(new NioStrategy(M));
        assertTrue(nio.added() < M / 4, "a selector and a few callback threads, not a thread per request: " + nio);
    }

    @Test
    void virtualThreadsNeedFarFewerPlatformThreads() throws Exception {
        assumeTrue(VirtualThreads.available(), "needs Java 21+ (CI runs this class on one)");
        Measured virtual = run(new VirtualThreadStrategy(M));
        assertTrue(virtual.added() < M / 2, "carriers, not a thread per request: " + virtual);
    }
}
