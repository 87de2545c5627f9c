package flags.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.download.DownloadResult;
import flags.download.Attempt;
import flags.download.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSummaryTest {
    private static DownloadResult result(String cc, Status status, String error) {
        Path file = status == Status.OK ? Path.of(cc.toLowerCase() + ".gif") : null;
        return new DownloadResult(cc, status, status == Status.OK ? 200 : 404, 10, file,
                List.of(new Attempt(Duration.ZERO, Duration.ofMillis(5))), Duration.ZERO, Duration.ofMillis(5), null,
                error);
    }

    private static BatchReport report(int ok, int notFound, int errors, int interrupted, int requested) {
        List<DownloadResult> results = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < requested; i++) {
            codes.add(String.format("A%c", 'A' + i));
        }
        int i = 0;
        for (int n = 0; n < ok; n++) results.add(result(codes.get(i++), Status.OK, null));
        for (int n = 0; n < notFound; n++) results.add(result(codes.get(i++), Status.NOT_FOUND, null));
        for (int n = 0; n < errors; n++) results.add(result(codes.get(i++), Status.ERROR, "HTTP 500"));
        for (int n = 0; n < interrupted; n++) results.add(result(codes.get(i++), Status.NOT_DONE, null));
        return new BatchReport("threads", 20, codes, results, Duration.ofMillis(534));
    }

    @Test
    void footerMatchesTheSpecExample() {
        assertEquals("""
                --------------------
                 20 flags downloaded.
                  1 not found.
                  2 errors.
                Elapsed time: 0.53s
                """, TextSummary.footer(report(20, 1, 2, 0, 23)));
    }

    @Test
    void singularsAndZeroLinesLeftOut() {
        assertEquals("""
                --------------------
                  1 flag downloaded.
                  1 error.
                Elapsed time: 0.53s
                """, TextSummary.footer(report(1, 0, 1, 0, 2)));
    }

    @Test
    void interruptedAndNeverStartedCodesAreNotDoneNotErrors() {
        assertEquals("""
                --------------------
                  2 flags downloaded.
                  4 not done (interrupted).
                Elapsed time: 0.53s
                """, TextSummary.footer(report(2, 0, 0, 1, 6)));
    }

    @Test
    void countsAreRightAlignedInThreeColumns() {
        String footer = TextSummary.footer(report(26, 0, 0, 0, 26));
        assertEquals(" 26 flags downloaded.", footer.lines().toList().get(1));
    }

    @Test
    void headerListsUpToTenCodesAndOtherwiseTheRange() {
        assertEquals("""
                EMBEDDED site: http://127.0.0.1:1/flags
                Searching for 2 flags: BR, CN
                1 connection will be used.
                """, TextSummary.header("EMBEDDED", "http://127.0.0.1:1/flags", null, List.of("BR", "CN"), 1));
        assertEquals("Searching for 1 flag: BR",
                TextSummary.header("LOCAL", "u", null, List.of("BR"), 1).lines().toList().get(1));
        List<String> eleven = List.of("AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK");
        assertEquals(List.of("LOCAL site: u", "Searching for 11 flags: from AA to AK", "11 concurrent connections will be used."),
                TextSummary.header("LOCAL", "u", null, eleven, 11).lines().toList());
    }
}
