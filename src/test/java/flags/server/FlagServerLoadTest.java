package flags.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of delayed requests held at once with no thread per waiting request: the small version of
 * bench/serve-load.sh (10,000 requests, server and generator in separate processes).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FlagServerLoadTest {

    private static final int REQUESTS = 2000;

    @TempDir
    Path dir;

    @Test
    void holdsTwoThousandDelayedRequestsOnAFewThreads() throws Exception {
        // Client and server share this JVM: two descriptors per request, and the server's reserve.
        Descriptors here = Descriptors.ofThisProcess();
        Assumptions.assumeTrue(
                here.limit().isEmpty() || here.limit().getAsLong() > 2L * REQUESTS + 500,
                "needs ulimit -n above " + (2 * REQUESTS + 500) + ": " + here);
        String[] codes = {"br", "cn", "in", "us", "id", "pk", "ng", "bd", "ru", "jp"};
        SampleDir.create(dir, codes);
        long delay = Long.getLong("flags.load.delay", 2);
        ServerConfig config = new ServerConfig(
                "127.0.0.1", 0, dir, Duration.ofSeconds(delay), Duration.ZERO, 0, 418, OptionalLong.empty());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        threads.resetPeakThreadCount();
        try (FlagServer server = FlagServer.start(config)) {
            LoadGenerator.Result r = LoadGenerator.requests(server.port(), REQUESTS, Duration.ofSeconds(60));
            int peak = threads.getPeakThreadCount();
            System.out.printf(
                    "%d requests at delay %d s: %s; at most %d waiting at once; server pool peak %d; "
                            + "JVM threads %d before, peak %d%n",
                    REQUESTS, delay, r.summary(), server.peakWaiting(), server.peakThreads(), before, peak);

            assertEquals(Map.of("200", (long) REQUESTS), r.outcomes());
            assertEquals(
                    REQUESTS
                            / codes.length
                            * (long) Arrays.stream(codes)
                                    .mapToInt(cc -> SampleDir.gif(cc).length)
                                    .sum(),
                    r.bodyBytes());
            // A 2 s delay leaves room for a slow machine to open every connection before the first answer.
            assertEquals(REQUESTS, server.peakWaiting(), "all requests were waiting at the same time");
            // One generator thread plus the server's bounded pool, its scheduler and its stop thread.
            assertTrue(peak <= before + FlagServer.MAX_THREADS + 4, "JVM threads: " + before + " before, peak " + peak);
            assertTrue(r.elapsed().toMillis() < 30_000, r.summary());
        }
    }
}
