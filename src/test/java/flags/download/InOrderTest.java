package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.http.HttpClients;
import flags.store.FlagStore;
import flags.testing.HoldUntil;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code threads --in-order} (executor.map) against the default completion order (as_completed). Two threads,
 * three codes: CC can only start once BB's download has returned, and the server holds AA until CC arrives, so BB
 * is always done before AA.
 */
@Timeout(30)
class InOrderTest {
    static final List<String> CODES = List.of("AA", "BB", "CC");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path out;

    private List<String> order(Strategy strategy) throws Exception {
        server.setDispatcher(new HoldUntil("AA", "CC"));
        List<DownloadResult> results = BatchHarness.run(strategy, CODES, server.url("/flags"), out, 0);
        assertTrue(results.stream().allMatch(r -> r.status() == Status.OK), results.toString());
        return results.stream().map(DownloadResult::cc).toList();
    }

    @Test
    void inOrderHandsResultsOverInSubmissionOrder() throws Exception {
        assertEquals(CODES, order(new ThreadPoolStrategy(2).inOrder()));
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void inOrderWorksOnVirtualThreadsToo() throws Exception {
        assertEquals(CODES, order(new VirtualThreadStrategy(2).inOrder()));
    }

    @Test
    void interruptedInOrderHandsOverEveryCodeThatRanExactlyOnce() throws Exception {
        HoldUntil held = HoldUntil.untilReleased("CC", "CC");
        server.setDispatcher(held);
        OkHttpClient http = HttpClients.create(2, Duration.ofSeconds(5));
        try {
            FlagClient client = new FlagClient(
                    http,
                    new DownloadOptions(server.url("/flags"), DownloadOptions.DEFAULT_MAX_BYTES, false),
                    new FlagStore(out),
                    RetryPolicy.standard(0),
                    new BatchClock());
            List<DownloadResult> results = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch handedOver = new CountDownLatch(2);
            AtomicBoolean threw = new AtomicBoolean();
            Thread batch = new Thread(() -> {
                try {
                    new ThreadPoolStrategy(2).inOrder().run(CODES, client, r -> {
                        results.add(r);
                        handedOver.countDown();
                    });
                } catch (InterruptedException e) {
                    threw.set(true);
                }
            });
            batch.start();
            assertTrue(handedOver.await(10, TimeUnit.SECONDS), "AA and BB handed over: " + results);
            assertTrue(held.awaitWatched(10), "CC's request is in flight, held"); // not merely queued
            batch.interrupt();
            batch.join(10_000);
            held.release();
            assertTrue(threw.get(), "the strategy rethrows the interrupt");
            assertEquals(
                    List.of("AA", "BB", "CC"),
                    results.stream().map(DownloadResult::cc).toList(),
                    "AA and BB once, not again after the interrupt; then CC, stopped");
            assertEquals(
                    List.of(Status.OK, Status.OK, Status.NOT_DONE),
                    results.stream().map(DownloadResult::status).toList());
        } finally {
            HttpClients.shutdown(http);
        }
    }

    @Test
    void byDefaultResultsComeAsTheyComplete() throws Exception {
        List<String> order = order(new ThreadPoolStrategy(2));
        assertTrue(order.indexOf("BB") < order.indexOf("AA"), "BB completed first: " + order);
    }
}
