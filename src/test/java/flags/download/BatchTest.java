package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.store.FlagStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one loop every batch runs in, with strategies that do exactly what each case needs. */
@Timeout(30)
class BatchTest {
    private static final List<String> CODES = List.of("AA", "BB", "CC");

    @TempDir
    Path out;

    private FlagStore store;
    private FlagClient client;
    private Path leftover;

    @BeforeEach
    void clientWithATemporaryFileNoCodeRemoved() throws Exception {
        store = new FlagStore(out);
        client = new FlagClient(
                new RefusingTransport(),
                new DownloadOptions(HttpUrl.get("http://127.0.0.1:9/flags"), DownloadOptions.DEFAULT_MAX_BYTES, false),
                store,
                RetryPolicy.standard(0),
                new BatchClock());
        FlagStore.Temp temp = store.create("AA", "aa.gif");
        temp.out().close();
        leftover = temp.path();
    }

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted(); // a failed case must not leave JUnit's thread interrupted
    }

    @Test
    void aStopEndsTheBatchWithWhatEndedAndLeavesTheThreadInterrupted() {
        Batch.Outcome outcome = Batch.run(
                strategy((codes, c, onDone) -> {
                    onDone.accept(c.downloadOne("AA"));
                    throw new InterruptedException("Ctrl-C");
                }),
                CODES,
                client,
                new BatchClock(),
                r -> {});

        assertTrue(outcome.interrupted());
        assertTrue(Thread.currentThread().isInterrupted(), "the stop is the caller's to act on, not swallowed");
        assertEquals(
                List.of("AA"),
                outcome.handedOver().stream().map(DownloadResult::cc).toList());
        assertEquals(
                List.of("AA", "BB", "CC"),
                outcome.results().stream().map(DownloadResult::cc).toList());
        assertTrue(
                outcome.results().subList(1, 3).stream()
                        .allMatch(r -> r.neverStarted() && r.status() == Status.NOT_DONE),
                "the codes never handed over count as never started: " + outcome.results());
        assertFalse(Files.exists(leftover), "the batch still ended with its final sweep");
    }

    @Test
    void aStopThatCameWithTheLastResultIsAStopToo() {
        Batch.Outcome outcome = Batch.run(
                strategy((codes, c, onDone) -> {
                    codes.forEach(cc -> onDone.accept(c.downloadOne(cc)));
                    Thread.currentThread().interrupt(); // Ctrl-C just as the strategy returned
                }),
                CODES,
                client,
                new BatchClock(),
                r -> {});

        assertTrue(outcome.interrupted());
        assertTrue(Thread.currentThread().isInterrupted());
        assertEquals(3, outcome.handedOver().size());
    }

    @Test
    void aBatchThatEndsNormallyIsNotStopped() {
        Batch.Outcome outcome = Batch.run(
                strategy((codes, c, onDone) -> codes.forEach(cc -> onDone.accept(c.downloadOne(cc)))),
                CODES,
                client,
                new BatchClock(),
                r -> {});

        assertFalse(outcome.interrupted());
        assertFalse(Thread.currentThread().isInterrupted());
        assertEquals(outcome.handedOver(), outcome.results(), "every code handed over: nothing to fill in");
    }

    @Test
    void aStrategyThatFailsStillEndsWithTheFinalSweep() {
        IllegalStateException bug = new IllegalStateException("a bug in a strategy");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> Batch.run(
                        strategy((codes, c, onDone) -> {
                            throw bug;
                        }),
                        CODES,
                        client,
                        new BatchClock(),
                        r -> {}));

        assertSame(bug, thrown);
        assertFalse(Files.exists(leftover), "no temporary file outlives the batch");
    }

    @Test
    void theElapsedTimeIsTheBatchClocksOnceTheStrategyReturned() {
        AtomicLong nanos = new AtomicLong(1_000);
        BatchClock clock = new BatchClock(nanos::get);
        Batch.Outcome outcome =
                Batch.run(strategy((codes, c, onDone) -> nanos.addAndGet(7_000_000)), CODES, client, clock, r -> {});

        assertEquals(Duration.ofMillis(7), outcome.elapsed());
    }

    @Test
    void theListenerSeesOneResultAtATimeInTheOrderTheyEnded() throws Exception {
        int threads = 8;
        int each = 500;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> seen = new ArrayList<>(); // no lock of its own: Batch's is enough
        Batch.Outcome outcome = Batch.run(
                strategy((codes, c, onDone) -> {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Thread> workers = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        String prefix = "T" + t + "-";
                        workers.add(new Thread(() -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                return;
                            }
                            for (int i = 0; i < each; i++) {
                                onDone.accept(DownloadResult.notRun(prefix + i));
                            }
                        }));
                    }
                    workers.forEach(Thread::start);
                    start.countDown();
                    for (Thread w : workers) {
                        w.join();
                    }
                }),
                CODES,
                client,
                new BatchClock(),
                r -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.add(r.cc());
                    Thread.yield(); // widens the window another thread would enter through
                    inside.decrementAndGet();
                });

        assertEquals(0, overlaps.get(), "two results shown at once");
        assertEquals(threads * each, seen.size());
        assertEquals(seen, outcome.handedOver().stream().map(DownloadResult::cc).toList());
    }

    /** What a stub strategy does with the batch. */
    @FunctionalInterface
    private interface Body {
        void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone) throws InterruptedException;
    }

    private static Strategy strategy(Body body) {
        return new Strategy() {
            @Override
            public String name() {
                return "stub";
            }

            @Override
            public int concurrency(int codes) {
                return 1;
            }

            @Override
            public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone)
                    throws InterruptedException {
                body.run(codes, client, onDone);
            }
        };
    }
}
