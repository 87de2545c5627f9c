package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.http.Proxies;
import flags.http.Transport;
import flags.store.FlagStore;
import flags.testing.FakeFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A batch stopped the way Ctrl-C stops it (cancel the client, interrupt the thread running the strategy): the
 * strategy throws only once every download that was running has ended, each as not done (codes that had not
 * started may be handed over as not done too, with no request), and nothing is handed over after that, even when
 * the server answers later.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(30)
class StopContractTest {
    private static final List<String> CODES = List.of("BR", "CN", "DE", "FR", "IN", "JP", "US");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path out;

    static Stream<Named<IntFunction<Strategy>>> strategies() {
        return Strategies.all();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void stoppedTheStrategyReturnsOnlyWhenEveryRunningDownloadHasEndedAsNotDone(IntFunction<Strategy> strategyOf)
            throws Exception {
        Strategy strategy = strategyOf.apply(3);
        int running = strategy.concurrency(CODES.size());
        CountDownLatch arrived = new CountDownLatch(running);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(20, TimeUnit.SECONDS); // every request hangs until the test is over
                return FakeFlags.gifResponse("BR");
            }
        });
        Transport http = Transport.create(strategy.transport(), running, Duration.ofSeconds(20), Proxies.none());
        FlagClient client = newClient(http);
        List<DownloadResult> handed = new CopyOnWriteArrayList<>();
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean late = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread batch = new Thread(
                () -> {
                    try {
                        strategy.run(CODES, client, r -> {
                            late.compareAndSet(false, returned.get());
                            handed.add(r);
                        });
                    } catch (Throwable t) {
                        thrown.set(t);
                    } finally {
                        returned.set(true);
                        client.finishBatch();
                    }
                },
                "batch");
        batch.start();
        try {
            assertTrue(arrived.await(10, TimeUnit.SECONDS), "the first requests reached the server");

            client.cancel();
            batch.interrupt();
            batch.join(10_000); // the server would answer after 20 s: a batch that did not stop ends then

            assertFalse(batch.isAlive(), "stopped within seconds");
            // Cancelled first, seq may finish its loop (every code not done) before the interrupt arrives.
            assertTrue(
                    thrown.get() == null || thrown.get() instanceof InterruptedException,
                    "interrupted or ended, nothing else: " + thrown.get());
            assertEquals(
                    running,
                    handed.stream().filter(r -> r.attempts() > 0).count(),
                    "a result for each download that was running: " + handed);
            assertTrue(handed.stream().allMatch(r -> r.status() == Status.NOT_DONE), handed.toString());
        } finally {
            release.countDown();
            http.shutdown();
        }
        assertTrue(http.awaitTermination(Duration.ofSeconds(10)));
        assertFalse(late.get(), "nothing handed over after the strategy returned");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "nothing saved, no temporary file left");
        }
    }

    /**
     * Interrupted alone, with no cancel first, a strategy cancels the client itself: afterwards the client sends
     * nothing. (seq can only see the interrupt once its request has returned, which is why Ctrl-C cancels first.)
     */
    @ParameterizedTest
    @MethodSource("strategies")
    void interruptedAloneTheStrategyCancelsTheClient(IntFunction<Strategy> strategyOf) throws Exception {
        Strategy strategy = strategyOf.apply(3);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(20, TimeUnit.SECONDS); // held until the batch thread has been interrupted
                return FakeFlags.gifResponse("BR");
            }
        });
        Transport http = Transport.create(
                strategy.transport(), strategy.concurrency(CODES.size()), Duration.ofSeconds(20), Proxies.none());
        FlagClient client = newClient(http);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread batch = new Thread(
                () -> {
                    try {
                        strategy.run(CODES, client, r -> {});
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                },
                "batch");
        batch.start();
        try {
            assertTrue(arrived.await(10, TimeUnit.SECONDS), "a request reached the server");
            batch.interrupt();
            release.countDown(); // answers now come at once: only a cancelled client would send nothing more
            batch.join(10_000);
            assertFalse(batch.isAlive(), "stopped within seconds");
            assertTrue(thrown.get() instanceof InterruptedException, "interrupted: " + thrown.get());

            DownloadResult after = client.downloadOne("XX");
            assertEquals(Status.NOT_DONE, after.status(), "the strategy cancelled the client: " + after);
            assertEquals(0, after.attempts(), after.toString());
        } finally {
            release.countDown();
            client.finishBatch();
            http.shutdown();
        }
        assertTrue(http.awaitTermination(Duration.ofSeconds(10)));
    }

    private FlagClient newClient(Transport http) {
        return new FlagClient(
                http,
                new DownloadOptions(server.url("/flags"), DownloadOptions.DEFAULT_MAX_BYTES, false),
                new FlagStore(out),
                RetryPolicy.standard(2),
                new BatchClock());
    }
}
