package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.input.Codes;
import flags.testing.FakeFlags;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency a strategy reaches is {@code -m}, with no hidden cap (OkHttp allows 5 per host by default).
 * The server holds each request until {@code -m} of them are in flight, so a capped strategy cannot reach it.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(60)
class ConcurrencyTest {
    private static final int M = 20;
    private static final List<String> CODES = Codes.expand(List.of("A", "B")); // 52 codes

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path out;

    /** Counts requests in flight; each waits (up to {@code holdMs}) for {@code gate} arrivals before answering. */
    static final class InFlightCounter extends Dispatcher {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();
        private final CountDownLatch gate;
        private final long holdMs;

        InFlightCounter(int gate, long holdMs) {
            this.gate = new CountDownLatch(gate);
            this.holdMs = holdMs;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            gate.countDown();
            gate.await(holdMs, TimeUnit.MILLISECONDS);
            inFlight.decrementAndGet();
            String cc = request.getUrl().pathSegments().get(1);
            return FakeFlags.gifResponse(cc);
        }
    }

    private int maxInFlight(Strategy strategy, InFlightCounter counter) throws Exception {
        server.setDispatcher(counter);
        List<DownloadResult> results = BatchHarness.run(strategy, CODES, server.url("/flags"), out, 0);
        assertEquals(
                CODES.size(),
                results.stream().filter(r -> r.status() == Status.OK).count());
        return counter.max.get();
    }

    @Test
    void threadsReachM() throws Exception {
        assertEquals(M, maxInFlight(new ThreadPoolStrategy(M), new InFlightCounter(M, 10_000)));
    }

    @Test
    void asyncReachesM() throws Exception {
        assertEquals(M, maxInFlight(new AsyncStrategy(M), new InFlightCounter(M, 10_000)));
    }

    @Test
    void seqStaysAtOne() throws Exception {
        // A second request arriving while the first is held would show as 2.
        assertEquals(1, maxInFlight(new SequentialStrategy(), new InFlightCounter(2, 20)));
    }
}
