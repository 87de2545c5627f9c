package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.http.HttpClients;
import flags.http.Proxies;
import flags.http.Transport;
import flags.store.FlagStore;
import flags.testing.FakeFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** cancel() ends a code promptly wherever in an attempt it lands, as Ctrl-C and a closed pipe need. */
@Timeout(30)
class CancelTest {
    @TempDir
    Path out;

    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FlagClient cancelling;

    /** A server that answers in 10 s, and a client whose cancel() lands right as it makes its first call. */
    private OkHttpClient slowServerAndAClientCancelledAsItMakesItsFirstCall() {
        server.setDispatcher(new FakeFlags(cc -> new MockResponse.Builder()
                .code(200)
                .headersDelay(10, TimeUnit.SECONDS)
                .body(new Buffer().write(FakeFlags.gif(cc)))
                .build()));
        AtomicBoolean first = new AtomicBoolean(true);
        OkHttpClient base = HttpClients.create(1, Duration.ofSeconds(10));
        OkHttpClient http = new OkHttpClient(base.newBuilder()) {
            @Override
            public Call newCall(Request request) {
                if (first.compareAndSet(true, false)) {
                    cancelling.cancel(); // Ctrl-C arrives right here
                }
                return super.newCall(request);
            }
        };
        cancelling = client(http, 0);
        return http;
    }

    private FlagClient client(OkHttpClient http, int retries) {
        return new FlagClient(
                http,
                new DownloadOptions(server.url("/flags"), DownloadOptions.DEFAULT_MAX_BYTES, false),
                new FlagStore(out),
                RetryPolicy.standard(retries),
                new BatchClock());
    }

    /** cancel() between an attempt's check and the call reaching the dispatcher: the call must still be cancelled. */
    @Test
    void aCancelLandingBeforeABlockingCallIsSentStillStopsIt() throws Exception {
        OkHttpClient http = slowServerAndAClientCancelledAsItMakesItsFirstCall();
        FlagClient client = cancelling;
        long t0 = System.nanoTime();
        DownloadResult r = client.downloadOne("BR");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        HttpClients.shutdown(http);
        assertEquals(Status.NOT_DONE, r.status());
        assertTrue(ms < 5000, "a cancelled code ends long before the 10 s answer, took " + ms + " ms");
    }

    @Test
    void aCancelLandingBeforeAnAsyncCallIsEnqueuedStillStopsIt() throws Exception {
        OkHttpClient http = slowServerAndAClientCancelledAsItMakesItsFirstCall();
        FlagClient client = cancelling;
        long t0 = System.nanoTime();
        DownloadResult r = client.downloadOneAsync("BR").get(20, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        HttpClients.shutdown(http);
        assertEquals(Status.NOT_DONE, r.status());
        assertTrue(ms < 5000, "a cancelled code ends long before the 10 s answer, took " + ms + " ms");
    }

    /** A blocking retry wait ends at cancel() too, without an interrupt ({@code flags bench} only cancels). */
    @Test
    void cancelEndsABlockingRetryWait() throws Exception {
        server.setDispatcher(new FakeFlags(cc -> new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", "8")
                .body("busy")
                .build()));
        OkHttpClient http = HttpClients.create(1, Duration.ofSeconds(10));
        FlagClient client = client(http, 1);
        AtomicReference<DownloadResult> result = new AtomicReference<>();
        Thread worker = new Thread(() -> result.set(client.downloadOne("BR")));
        worker.start();
        server.takeRequest();
        for (int i = 0; i < 500 && !waiting(worker); i++) {
            Thread.sleep(10); // bounded: until the worker sits in its retry wait
        }
        assertTrue(waiting(worker), worker.getState().toString());
        client.cancel();
        worker.join(6000); // well before the 8 s wait would end by itself
        boolean stillWaiting = worker.isAlive();
        worker.join();
        HttpClients.shutdown(http);
        assertFalse(stillWaiting, "cancel() left the code waiting out Retry-After: 8");
        assertEquals(Status.NOT_DONE, result.get().status());
    }

    /**
     * nio: cancel() while a body trickles in ends the code at once as not done, with no temporary file left: the
     * JDK client's exchange is aborted, not left reading into a file nobody will keep.
     */
    @Test
    void aCancelDuringANioBodyEndsItAtOnceAndLeavesNoFile() throws Exception {
        server.setDispatcher(new FakeFlags(cc -> new MockResponse.Builder()
                .code(200)
                .body(new Buffer().write(Arrays.copyOf(FakeFlags.gif(cc), 64 * 1024))) // 6 s at this pace
                .throttleBody(1024, 100, TimeUnit.MILLISECONDS)
                .build()));
        Transport http = Transport.create(Transport.Kind.JDK, 1, Duration.ofSeconds(20), Proxies.none());
        FlagClient client = new FlagClient(
                http,
                new DownloadOptions(server.url("/flags"), DownloadOptions.DEFAULT_MAX_BYTES, false),
                new FlagStore(out),
                RetryPolicy.standard(0),
                new BatchClock());
        CompletableFuture<DownloadResult> result = client.downloadOneAsync("BR");
        for (int i = 0; i < 1000 && entries().isEmpty(); i++) {
            Thread.sleep(10); // bounded: until the body has begun and its temporary file exists
        }
        assertEquals(1, entries().size(), "a temporary file while the body arrives");
        long t0 = System.nanoTime();
        client.cancel();
        DownloadResult r = result.get(5, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        http.shutdown();
        assertEquals(Status.NOT_DONE, r.status(), r.toString());
        assertTrue(ms < 1000, "stopped within a second, took " + ms + " ms");
        assertEquals(List.of(), entries(), "no temporary file left");
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.toList();
        }
    }

    private static boolean waiting(Thread t) {
        return t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING;
    }
}
