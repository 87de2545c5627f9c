package flags.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.Attempt;
import flags.download.DownloadResult;
import flags.download.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -v} says "after N attempts" only when a request was retried, not for the two requests of --names. */
class VerboseLineTest {
    private static DownloadResult ok(Attempt... attempts) {
        return new DownloadResult(
                "BR",
                Status.OK,
                200,
                10,
                Path.of("br.gif"),
                List.of(attempts),
                Duration.ZERO,
                Duration.ofMillis(9),
                "http://h/flags/br/metadata.json",
                null);
    }

    private static Attempt first(long ms) {
        return new Attempt(Duration.ofMillis(ms), Duration.ofMillis(ms + 1), false);
    }

    private static Attempt retry(long ms) {
        return new Attempt(Duration.ofMillis(ms), Duration.ofMillis(ms + 1), true);
    }

    @Test
    void theFlagAndItsMetadataAreTwoRequestsNotARetry() {
        assertEquals("BR OK", VerboseLine.of(ok(first(0), first(2))));
    }

    @Test
    void aRetryIsCountedWithEveryRequestOfTheCode() {
        assertEquals("BR OK after 3 attempts", VerboseLine.of(ok(first(0), retry(2), first(4))));
        assertEquals("BR OK after 2 attempts", VerboseLine.of(ok(first(0), retry(2))));
    }

    @Test
    void theCodesAStoppedBatchNeverStartedShareOneLine() {
        DownloadResult inFlight = new DownloadResult(
                "CN", Status.NOT_DONE, 0, 0, null, List.of(first(0)), Duration.ZERO, null, "http://h/cn.gif", null);
        BatchReport report = new BatchReport(
                "threads",
                2,
                List.of("BR", "CN", "DE", "IN"),
                List.of(ok(first(0)), inFlight, DownloadResult.notRun("DE")),
                Duration.ofMillis(9));
        assertEquals(2, report.notStarted(), "DE handed over unstarted, IN never handed over; CN was in flight");
        assertEquals("2 codes not started (interrupted)", VerboseLine.notStarted(report.notStarted()));
        assertEquals("1 code not started (interrupted)", VerboseLine.notStarted(1));
    }
}
