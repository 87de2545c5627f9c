package flags.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.Attempt;
import flags.download.DownloadResult;
import flags.download.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSummaryTest {
    private static DownloadResult result(String cc, Status status, String error) {
        Path file = status == Status.OK ? Path.of(cc.toLowerCase() + ".gif") : null;
        return new DownloadResult(
                cc,
                status,
                status == Status.OK ? 200 : 404,
                10,
                file,
                List.of(new Attempt(Duration.ZERO, Duration.ofMillis(5))),
                Duration.ZERO,
                Duration.ofMillis(5),
                null,
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
    void footerHasTheFlags2ShapeThenTheErrorsByReason() {
        assertEquals("""
                --------------------
                 20 flags downloaded.
                  1 not found.
                  2 errors.
                      2 HTTP 500: AV AW
                Elapsed time: 0.53s
                """, TextSummary.footer(report(20, 1, 2, 0, 23)));
    }

    @Test
    void singularsAndZeroLinesLeftOut() {
        assertEquals("""
                --------------------
                  1 flag downloaded.
                  1 error.
                      1 HTTP 500: AB
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
        assertEquals(
                "Searching for 1 flag: BR",
                TextSummary.header("LOCAL", "u", null, List.of("BR"), 1)
                        .lines()
                        .toList()
                        .get(1));
        List<String> eleven = List.of("AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK");
        assertEquals(
                List.of(
                        "LOCAL site: u",
                        "Searching for 11 flags: from AA to AK",
                        "11 concurrent connections will be used."),
                TextSummary.header("LOCAL", "u", null, eleven, 11).lines().toList());
    }

    @Test
    void errorsAreGroupedByReasonMostFrequentFirstWithAFewCodes() {
        List<String> codes = new ArrayList<>();
        List<DownloadResult> results = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String cc = "B" + (char) ('A' + i);
            codes.add(cc);
            results.add(result(cc, Status.ERROR, i < 7 ? "connection refused (127.0.0.1:8000)" : "timeout after 10s"));
        }
        BatchReport report = new BatchReport("seq", 1, codes, results, Duration.ofMillis(10));
        List<String> lines = TextSummary.footer(report).lines().toList();
        assertEquals(
                List.of(
                        "--------------------",
                        "  9 errors.",
                        "      7 connection refused (127.0.0.1:8000): BA BB BC BD BE (+2)",
                        "      2 timeout after 10s: BH BI",
                        "Elapsed time: 0.01s"),
                lines);
        assertEquals(
                List.of("--------------------", "  9 errors.", "Elapsed time: 0.01s"),
                TextSummary.footer(report, false).lines().toList(),
                "-q keeps only the counts");
        assertEquals(
                List.of(
                        "strategy,concurrency,requested,ok,not_found,errors,not_done,elapsed_s,max_in_flight",
                        "seq,1,9,0,0,9,0,0.010,9"),
                MachineReport.csv(report).lines().toList(),
                "CSV unchanged");
        assertEquals(false, MachineReport.json(report).contains("(+2)"), "JSON unchanged");
    }

    @Test
    void whenNothingIsFoundAHintSaysWhatWasTriedAndTheLayoutExpected() {
        List<DownloadResult> results = List.of(
                new DownloadResult(
                        "BR",
                        Status.NOT_FOUND,
                        404,
                        0,
                        null,
                        List.of(),
                        Duration.ZERO,
                        Duration.ZERO,
                        "http://localhost:8000/br/br.gif",
                        null),
                new DownloadResult(
                        "CN",
                        Status.NOT_FOUND,
                        404,
                        0,
                        null,
                        List.of(),
                        Duration.ZERO,
                        Duration.ZERO,
                        "http://localhost:8000/cn/cn.gif",
                        null));
        BatchReport report = new BatchReport("threads", 2, List.of("BR", "CN"), results, Duration.ofMillis(10));
        List<String> lines = TextSummary.footer(report).lines().toList();
        assertEquals(
                "Hint: nothing was found, e.g. at http://localhost:8000/br/br.gif; the server must hold "
                        + "BASE/cc/cc.gif under the base URL given with -s",
                lines.get(2));
        assertEquals(3, TextSummary.footer(report, false).lines().count(), "not with -q");
        BatchReport someFound = new BatchReport(
                "threads",
                2,
                List.of("BR", "CN", "DE"),
                List.of(results.get(0), results.get(1), result("DE", Status.OK, null)),
                Duration.ofMillis(10));
        assertEquals(false, TextSummary.footer(someFound).contains("Hint"), "only when nothing at all was found");
    }
}
