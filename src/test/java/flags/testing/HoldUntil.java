package flags.testing;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Fake flags for every code, but {@code held}'s answer waits (10 s at most) until {@code watched}'s request has come
 * in, or, made by {@link #untilReleased}, until {@link #release()}.
 */
public final class HoldUntil extends Dispatcher {
    private final String held;
    private final String watched;
    private final boolean watchedReleases;
    private final CountDownLatch watchedArrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final FakeFlags flags = FakeFlags.allFound();

    public HoldUntil(String held, String watched) {
        this(held, watched, true);
    }

    private HoldUntil(String held, String watched, boolean watchedReleases) {
        this.held = "/flags/" + held.toLowerCase(Locale.ROOT) + "/";
        this.watched = "/flags/" + watched.toLowerCase(Locale.ROOT) + "/";
        this.watchedReleases = watchedReleases;
    }

    /** {@code held} waits for {@link #release()} only; {@code watched}'s arrival is just signalled. */
    public static HoldUntil untilReleased(String held, String watched) {
        return new HoldUntil(held, watched, false);
    }

    /** Blocks until {@code watched}'s request has come in; false after {@code seconds}. */
    public boolean awaitWatched(long seconds) throws InterruptedException {
        return watchedArrived.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the held answer go now. */
    public void release() {
        released.countDown();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        if (path.startsWith(watched)) {
            watchedArrived.countDown();
            if (watchedReleases) {
                released.countDown();
            }
        }
        if (path.startsWith(held)) {
            released.await(10, TimeUnit.SECONDS);
        }
        return flags.dispatch(request);
    }
}
