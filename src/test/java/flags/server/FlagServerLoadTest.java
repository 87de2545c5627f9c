package flags.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4: at least 1,000 delayed requests held at once, with no thread per waiting request. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FlagServerLoadTest {

    private static final int REQUESTS = 1000;

    @TempDir
    Path dir;

    @Test
    void holdsAThousandDelayedRequestsOnAFewThreads() throws Exception {
        String[] codes = {"br", "cn", "in", "us", "id", "pk", "ng", "bd", "ru", "jp"};
        SampleDir.create(dir, codes);
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir, Duration.ofSeconds(Long.getLong("flags.load.delay", 2)), Duration.ZERO,
                0, 418, OptionalLong.empty());
        // JDK client, HTTP/1.1: one connection per concurrent request, one selector thread, no thread per call.
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(clientThreads)
                .build();
        try (FlagServer server = FlagServer.start(config)) {
            long t0 = System.nanoTime();
            List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String cc = codes[i % codes.length];
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + cc + "/" + cc + ".gif"))
                        .timeout(Duration.ofSeconds(30)).build();
                calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
            }
            Map<String, Long> outcomes = new TreeMap<>();
            long bytes = 0;
            for (CompletableFuture<HttpResponse<byte[]>> call : calls) {
                String outcome;
                try {
                    HttpResponse<byte[]> response = call.get(60, TimeUnit.SECONDS);
                    outcome = String.valueOf(response.statusCode());
                    bytes += response.body().length;
                } catch (ExecutionException e) {
                    outcome = e.getCause().toString();
                }
                outcomes.merge(outcome, 1L, Long::sum);
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long liveServerThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(FlagServer.THREAD_NAME_PREFIX))
                    .count();

            System.out.printf("%d requests at delay " + Long.getLong("flags.load.delay", 2) + " s: %d ms; outcomes %s; at most %d waiting at once; "
                            + "server threads: peak %d, alive at the end %d%n",
                    REQUESTS, elapsedMs, outcomes, server.peakWaiting(), server.peakThreads(), liveServerThreads);

            assertEquals(Map.of("200", (long) REQUESTS), outcomes);
            assertEquals(REQUESTS * (long) SampleDir.gif("br").length, bytes);
            // A 2 s delay leaves room for a slow machine to open all 1,000 connections before the first answer.
            assertEquals(REQUESTS, server.peakWaiting(), "all requests were waiting at the same time");
            assertTrue(server.peakThreads() <= FlagServer.MAX_THREADS + 1, "peak " + server.peakThreads());
            assertTrue(liveServerThreads <= FlagServer.MAX_THREADS + 1, "live server threads " + liveServerThreads);
            assertTrue(elapsedMs < 20_000, "1,000 one-second requests took " + elapsedMs + " ms");
        } finally {
            clientThreads.shutdownNow();
        }
    }
}
