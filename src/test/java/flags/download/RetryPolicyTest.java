package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.http.HttpClients;
import flags.store.FlagStore;
import flags.testing.FakeFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backoff with equal jitter, Retry-After (seconds or HTTP date, capped at 10 s), which answers are retried, and
 * the same rules seen through {@link FlagClient}. Timing checks use generous bounds, never tight sleeps.
 */
@Timeout(30)
class RetryPolicyTest {
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration CAP = Duration.ofSeconds(5);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(2, BASE, CAP, () -> random);
    }

    // ---- delay: exponential backoff with equal jitter ----

    @Test
    void theFirstRetryWaitsBetweenHalfTheBaseAndTheBase() {
        assertEquals(Duration.ofMillis(50), policy(0.0).delay(1, null));
        assertEquals(Duration.ofMillis(100), policy(1.0).delay(1, null));
        assertEquals(Duration.ofMillis(75), policy(0.5).delay(1, null));
    }

    @Test
    void theWaitDoublesWithEachAttempt() {
        for (int attempt = 1; attempt <= 5; attempt++) { // 100 ms * 2^5 = 3.2 s, still under the cap
            Duration exp = BASE.multipliedBy(1L << (attempt - 1));
            assertEquals(exp.dividedBy(2), policy(0.0).delay(attempt, null), "lowest wait, attempt " + attempt);
            assertEquals(exp, policy(1.0).delay(attempt, null), "highest wait, attempt " + attempt);
        }
    }

    @Test
    void theWaitNeverShrinksWhateverTheJitter() {
        // Equal jitter: below the cap, the lowest wait of attempt n + 1 is the highest of attempt n. (At the cap
        // the range is [cap/2, cap], so a capped wait may be shorter than the last uncapped one: by design.)
        for (int attempt = 1; BASE.multipliedBy(1L << attempt).compareTo(CAP) <= 0; attempt++) {
            Duration highest = policy(1.0).delay(attempt, null);
            Duration nextLowest = policy(0.0).delay(attempt + 1, null);
            assertTrue(
                    nextLowest.compareTo(highest) >= 0,
                    "attempt " + (attempt + 1) + " waits " + nextLowest + " < attempt " + attempt + "'s " + highest);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 10, 20, 21, 40, 63, 64, 100, 1000, Integer.MAX_VALUE})
    void theWaitStaysWithinTheCap(int attempt) {
        assertEquals(CAP, policy(1.0).delay(attempt, null));
        assertEquals(CAP.dividedBy(2), policy(0.0).delay(attempt, null));
        Duration any = policy(0.999).delay(attempt, null);
        assertTrue(any.compareTo(CAP) <= 0 && !any.isNegative(), any.toString());
    }

    // ---- delay: the server's Retry-After ----

    @Test
    void retryAfterReplacesTheBackoff() {
        assertEquals(Duration.ofSeconds(3), policy(0.0).delay(1, Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(3), policy(1.0).delay(5, Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(7), policy(1.0).delay(1, Duration.ofSeconds(7)), "above the backoff cap");
        assertEquals(Duration.ZERO, policy(1.0).delay(1, Duration.ZERO));
    }

    @Test
    void retryAfterIsCappedAtTenSeconds() {
        assertEquals(Duration.ofSeconds(10), RetryPolicy.RETRY_AFTER_CAP);
        assertEquals(Duration.ofSeconds(10), policy(0.5).delay(1, Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(10), policy(0.5).delay(1, Duration.ofSeconds(11)));
        assertEquals(Duration.ofSeconds(10), policy(0.5).delay(1, Duration.ofDays(365)));
    }

    @Test
    void aRetryAfterInThePastMeansNoWait() {
        assertEquals(Duration.ZERO, policy(1.0).delay(3, Duration.ofSeconds(-30)));
        assertEquals(Duration.ZERO, policy(1.0).delay(1, Duration.ofNanos(-1)));
    }

    // ---- shouldRetry: retryable answers, up to --retries retries ----

    @Test
    void aRetryableFailureIsRetriedUpToRetriesTimes() {
        RetryPolicy two = new RetryPolicy(2, BASE, CAP, () -> 0.5);
        Answer<Path> failed = Answer.failed(503, "HTTP 503", true, null);
        assertTrue(two.shouldRetry(failed, 1));
        assertTrue(two.shouldRetry(failed, 2));
        assertFalse(two.shouldRetry(failed, 3), "3 attempts = 1 + 2 retries");
    }

    @Test
    void noRetriesMeansOneAttempt() {
        RetryPolicy none = new RetryPolicy(0, BASE, CAP, () -> 0.5);
        assertFalse(none.shouldRetry(Answer.failed(0, "timeout after 1s", true, null), 1));
    }

    @Test
    void okNotFoundAndFinalErrorsAreNeverRetried() {
        RetryPolicy many = new RetryPolicy(5, BASE, CAP, () -> 0.5);
        assertFalse(many.shouldRetry(Answer.ok(200, Path.of("x")), 1));
        assertFalse(many.shouldRetry(Answer.notFound(404), 1));
        assertFalse(many.shouldRetry(Answer.failed(418, "HTTP 418", false, null), 1));
    }

    // ---- the same rules through the client ----

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path out;

    /** Answers {@code first} to the first request for a code's flag, a good GIF afterwards. */
    private static Dispatcher firstThenGif(MockResponse first, AtomicInteger requests) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return requests.incrementAndGet() == 1 ? first : FakeFlags.gifResponse("ZZ");
            }
        };
    }

    private DownloadResult download(RetryPolicy policy) throws InterruptedException {
        OkHttpClient http = HttpClients.create(1, Duration.ofSeconds(5));
        try {
            DownloadOptions options =
                    new DownloadOptions(server.url("/flags"), DownloadOptions.DEFAULT_MAX_BYTES, false);
            return new FlagClient(http, options, new FlagStore(out), policy, new BatchClock()).downloadOne("ZZ");
        } finally {
            HttpClients.shutdown(http);
        }
    }

    private static RetryPolicy fast(int retries) {
        return new RetryPolicy(retries, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0.5);
    }

    /** A backoff so slow (at least 2.5 s) that finishing quickly proves the Retry-After replaced it. */
    private static RetryPolicy slow(int retries) {
        return new RetryPolicy(retries, Duration.ofSeconds(5), Duration.ofSeconds(5), () -> 0.0);
    }

    private static long waited(DownloadResult r) {
        return r.ended().minus(r.started()).toMillis();
    }

    @ParameterizedTest(name = "HTTP {0} retried: {1}")
    @CsvSource({
        "408, true",
        "429, true",
        "500, true",
        "502, true",
        "503, true",
        "504, true",
        "400, false",
        "403, false",
        "410, false",
        "418, false"
    })
    void whichStatusesAreRetried(int code, boolean retried) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(
                firstThenGif(new MockResponse.Builder().code(code).body("no").build(), requests));

        DownloadResult r = download(fast(1));

        assertEquals(retried ? Status.OK : Status.ERROR, r.status(), r.toString());
        assertEquals(retried ? 2 : 1, r.attempts(), r.toString());
        assertEquals(retried ? 2 : 1, requests.get());
    }

    @Test
    void aNotFoundIsNotRetried() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(firstThenGif(new MockResponse.Builder().code(404).build(), requests));

        DownloadResult r = download(fast(2));

        assertEquals(Status.NOT_FOUND, r.status());
        assertEquals(1, r.attempts());
        assertEquals(1, requests.get());
    }

    @Test
    void aRetryAfterHttpDateInTheFutureIsHonoured() throws Exception {
        String inTwoSeconds = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(firstThenGif(
                new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", inTwoSeconds)
                        .body("slow down")
                        .build(),
                requests));

        DownloadResult r = download(fast(1));

        assertEquals(Status.OK, r.status(), r.toString());
        assertEquals(2, r.attempts());
        // The date has one-second precision: "2 s from now" rounds down to a wait between 1 and 2 s.
        long waited = waited(r);
        assertTrue(waited >= 900, "waited only " + waited + " ms for Retry-After: " + inTwoSeconds);
        assertTrue(waited < 8000, "waited " + waited + " ms");
    }

    @Test
    void aRetryAfterInSecondsIsHonoured() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(firstThenGif(
                new MockResponse.Builder()
                        .code(503)
                        .addHeader("Retry-After", "1")
                        .body("busy")
                        .build(),
                requests));

        DownloadResult r = download(slow(1));

        assertEquals(Status.OK, r.status(), r.toString());
        assertEquals(2, r.attempts());
        long waited = waited(r);
        assertTrue(waited >= 950 && waited < 2400, "Retry-After: 1 replaced a 2.5 s backoff, waited " + waited + " ms");
    }

    @Test
    void aRetryAfterHttpDateInThePastMeansRetryAtOnce() throws Exception {
        String past = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(firstThenGif(
                new MockResponse.Builder()
                        .code(503)
                        .addHeader("Retry-After", past)
                        .body("busy")
                        .build(),
                requests));

        DownloadResult r = download(slow(1));

        assertEquals(Status.OK, r.status(), r.toString());
        assertEquals(2, r.attempts());
        assertTrue(waited(r) < 2000, "a past date is no wait, not the 2.5 s backoff: waited " + waited(r) + " ms");
    }

    @Test
    void anUnreadableRetryAfterFallsBackToTheBackoff() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(firstThenGif(
                new MockResponse.Builder()
                        .code(503)
                        .addHeader("Retry-After", "soon-ish")
                        .body("busy")
                        .build(),
                requests));

        // a fixed 0.3 s backoff: an unreadable value must mean "the backoff", not "no wait"
        DownloadResult r = download(new RetryPolicy(1, Duration.ofMillis(600), Duration.ofMillis(600), () -> 0.0));

        assertEquals(Status.OK, r.status(), r.toString());
        assertEquals(2, r.attempts());
        assertTrue(waited(r) >= 290, "the backoff was waited: " + waited(r) + " ms");
    }

    @Test
    void retriesStopAfterRetriesPlusOneAttempts() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                return new MockResponse.Builder().code(500).body("down").build();
            }
        });

        DownloadResult r = download(fast(3));

        assertEquals(Status.ERROR, r.status());
        assertEquals(4, r.attempts());
        assertEquals(4, requests.get());
        assertTrue(r.error().startsWith("HTTP 500"), r.error());
    }
}
