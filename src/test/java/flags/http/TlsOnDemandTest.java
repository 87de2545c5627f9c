package flags.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.download.DownloadOptions;
import flags.download.DownloadResult;
import flags.download.FlagClient;
import flags.download.RetryPolicy;
import flags.download.Status;
import flags.store.FlagStore;
import flags.testing.FakeFlags;
import flags.testing.SelfSigned;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's client speaks plain HTTP and sets TLS up only for an https URL (a base URL or a redirect), through a
 * twin that verifies certificates as always, stops with the batch, and keeps to the request's time limit. This
 * JVM does not trust the self-signed certificate; the packaged jar is shown trusting one in {@code TlsIT}.
 */
@Timeout(60)
class TlsOnDemandTest {
    @TempDir
    static Path keys;

    @TempDir
    Path out;

    private static SelfSigned certificate;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = SelfSigned.create(keys, "loopback");
    }

    @Test
    void theClientStartsWithNoTlsSetUp() {
        OkHttpClient http = HttpClients.create(2, Duration.ofSeconds(5));
        try {
            assertEquals(List.of(ConnectionSpec.CLEARTEXT), http.connectionSpecs());
            assertThrows(IllegalStateException.class, http::sslSocketFactory, "no TLS socket factory was made");
        } finally {
            HttpClients.shutdown(http);
        }
    }

    @Test
    void aRedirectToHttpsIsFollowedOverTlsThatStillVerifiesTheCertificate() throws Exception {
        try (MockWebServer secure = httpsServer();
                MockWebServer plain = new MockWebServer()) {
            plain.enqueue(redirectTo(secure.url("/flags/br/br.gif"), Duration.ZERO));
            plain.start(InetAddress.getLoopbackAddress(), 0);

            DownloadResult result = download(plain.url("/flags"), Duration.ofSeconds(5));

            assertEquals(Status.ERROR, result.status(), result.toString());
            assertTrue(result.error().startsWith("TLS error: "), result.error());
            assertEquals(1, result.attempts(), "redirects belong to one attempt; a TLS error is not retried");
            assertEquals(1, plain.getRequestCount());
            assertEquals(0, secure.getRequestCount(), "no request goes to a server whose certificate failed");
        }
    }

    @Test
    void anHttpsBaseUrlGoesOverTheSameVerifyingTls() throws Exception {
        try (MockWebServer secure = httpsServer()) {
            DownloadResult result = download(secure.url("/flags"), Duration.ofSeconds(5));

            assertEquals(Status.ERROR, result.status(), result.toString());
            assertTrue(result.error().startsWith("TLS error: "), result.error());
            assertEquals(0, secure.getRequestCount());
        }
    }

    @Test
    void anHttpsHopGetsOnlyWhatIsLeftOfTheRequestsTimeLimit() throws Exception {
        // A TLS server that never answers the handshake, reached after a redirect that took 1.5 s of a 2 s limit:
        // the request must end at the limit, not 2 s after the redirect.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                MockWebServer plain = new MockWebServer()) {
            HttpUrl target = HttpUrl.get("https://127.0.0.1:" + silent.getLocalPort() + "/flags/br/br.gif");
            plain.enqueue(redirectTo(target, Duration.ofMillis(1500)));
            plain.start(InetAddress.getLoopbackAddress(), 0);

            long began = System.nanoTime();
            DownloadResult result = download(plain.url("/flags"), Duration.ofSeconds(2));
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            assertEquals(Status.ERROR, result.status(), result.toString());
            assertTrue(result.error().startsWith("timeout"), result.error());
            assertTrue(took.compareTo(Duration.ofMillis(3000)) < 0, "took " + took + " (a fresh limit would be 3.5 s)");
        }
    }

    @Test
    void stoppingTheBatchCancelsAnHttpsHopInFlight() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpUrl base = HttpUrl.get("https://127.0.0.1:" + silent.getLocalPort() + "/flags");
            OkHttpClient http = HttpClients.create(1, Duration.ofSeconds(30));
            try {
                FlagClient client = new FlagClient(
                        http,
                        new DownloadOptions(base, DownloadOptions.DEFAULT_MAX_BYTES, false),
                        new FlagStore(out),
                        RetryPolicy.standard(0),
                        new BatchClock());
                CompletableFuture<DownloadResult> result =
                        CompletableFuture.supplyAsync(() -> client.downloadOne("BR"));
                try (Socket handshaking = silent.accept()) {
                    // The first byte of its ClientHello: the hop is in its TLS handshake. (Right after the TCP
                    // connect, before the handshake starts, OkHttp itself can miss a cancel.)
                    assertTrue(handshaking.getInputStream().read() >= 0);
                    client.cancel();
                    DownloadResult stopped = result.get(10, TimeUnit.SECONDS);
                    assertEquals(Status.NOT_DONE, stopped.status(), stopped.toString());
                }
            } finally {
                HttpClients.shutdown(http);
            }
        }
    }

    private DownloadResult download(HttpUrl base, Duration timeout) {
        OkHttpClient http = HttpClients.create(1, timeout);
        try {
            DownloadOptions options = new DownloadOptions(base, DownloadOptions.DEFAULT_MAX_BYTES, false);
            return new FlagClient(http, options, new FlagStore(out), RetryPolicy.standard(0), new BatchClock())
                    .downloadOne("BR");
        } finally {
            HttpClients.shutdown(http);
        }
    }

    private static MockWebServer httpsServer() throws Exception {
        MockWebServer server = new MockWebServer();
        server.useHttps(certificate.serverSockets());
        server.setDispatcher(FakeFlags.allFound());
        server.start(InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    private static MockResponse redirectTo(HttpUrl location, Duration after) {
        return new MockResponse.Builder()
                .code(302)
                .addHeader("Location", location.toString())
                .headersDelay(after.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }
}
