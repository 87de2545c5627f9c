package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.input.Codes;
import flags.report.BatchReport;
import flags.server.FlagServer;
import flags.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code max_in_flight} is the largest number of HTTP requests really open at once: the number the server itself
 * saw waiting, for every strategy, with and without retries. A code waiting for its retry, or queued behind
 * {@code -m}, holds no request.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(60)
class InFlightTest {
    private static final int M = 5;

    @TempDir
    Path out;

    static Stream<Arguments> cells() {
        List<Named<IntFunction<Strategy>>> strategies = Strategies.all().toList();
        return Stream.of(0.0, 0.4).flatMap(rate -> strategies.stream().map(s -> Arguments.of(s, rate)));
    }

    @ParameterizedTest(name = "{0}, error rate {1}")
    @MethodSource("cells")
    void theReportedPeakIsThePeakTheServerSaw(IntFunction<Strategy> strategyOf, double errorRate) throws Exception {
        Strategy strategy = strategyOf.apply(M);
        ServerConfig config = new ServerConfig(
                "127.0.0.1", 0, null, Duration.ofMillis(60), Duration.ZERO, errorRate, 503, OptionalLong.of(7));
        try (FlagServer server = FlagServer.start(config)) {
            List<DownloadResult> results =
                    BatchHarness.run(strategy, Codes.POP20, HttpUrl.get(server.baseUrl()), out, 8);
            BatchReport report =
                    new BatchReport(strategy.name(), strategy.concurrency(20), Codes.POP20, results, Duration.ZERO);

            assertEquals(20, report.count(Status.OK), results.toString());
            if (errorRate > 0) {
                assertTrue(results.stream().anyMatch(r -> r.attempts() > 1), "some codes were retried");
            }
            assertEquals(server.peakWaiting(), report.maxInFlight(), "what the server saw");
            assertEquals(strategy.concurrency(20), report.maxInFlight());
        }
    }
}
