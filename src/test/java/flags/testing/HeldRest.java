package flags.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A loopback server that catches a batch half-way, however fast or busy the machine: fake flags for the
 * {@code answered} codes at once, while every other code's request is held, in flight, until {@link #close()}. A
 * test waits for the held requests with {@link #awaitHeld}, then stops the batch knowing exactly what was done.
 */
public final class HeldRest implements AutoCloseable {
    /** Longer than any test runs: {@link #close()} releases the held answers, this only frees forgotten ones. */
    private static final Duration HOLD_LIMIT = Duration.ofMinutes(5);

    private final Set<String> answered;
    private final FakeFlags flags = FakeFlags.allFound();
    private final Semaphore heldArrivals = new Semaphore(0);
    private final CountDownLatch released = new CountDownLatch(1);
    private final MockWebServer server = new MockWebServer();

    private HeldRest(List<String> answered) {
        this.answered = answered.stream().map(cc -> cc.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** A server answering {@code answered} at once and holding every other flag. */
    public static HeldRest start(List<String> answered) throws IOException {
        HeldRest held = new HeldRest(answered);
        held.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return held.answer(request);
            }
        });
        held.server.start();
        return held;
    }

    /** The base URL to give {@code -s}. */
    public HttpUrl base() {
        return server.url("/flags");
    }

    /** Blocks until {@code n} held requests have come in; false if they have not within {@code limit}. */
    public boolean awaitHeld(int n, Duration limit) throws InterruptedException {
        return heldArrivals.tryAcquire(n, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String[] parts = request.getUrl().encodedPath().split("/"); // "", "flags", "cc", "cc.gif"
        if (parts.length == 4 && !answered.contains(parts[2].toUpperCase(Locale.ROOT))) {
            heldArrivals.release();
            released.await(HOLD_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
        }
        return flags.dispatch(request);
    }

    /** Lets every held answer go, and every later one through at once. */
    public void release() {
        released.countDown();
    }

    /** Lets every held answer go and stops the server. */
    @Override
    public void close() {
        release();
        server.close();
    }
}
