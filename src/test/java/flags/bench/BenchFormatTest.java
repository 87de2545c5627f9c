package flags.bench;

import static flags.bench.BenchFixtures.batch;
import static flags.bench.BenchFixtures.ms;
import static flags.bench.BenchFixtures.ok;
import static flags.bench.BenchFixtures.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.report.BatchReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class BenchFormatTest {
    static final Workload EMBEDDED =
            new Workload("EMBEDDED", ms(100), Duration.ZERO, 4, 1, Duration.ZERO, 2, "Java 17 (Test)");

    private static Comparison result() {
        return BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400, 500, 450), runs("async", 4, 100, 125, 110)));
    }

    @Test
    void csvIsAHeaderAndOneRowPerStrategy() {
        List<String> lines = BenchFormat.csv.render(result()).lines().toList();
        assertEquals(
                List.of(
                        String.join(",", BenchFormat.FIELDS),
                        "seq,1,3,0,0.450,0.050,0.450,0.400,0.500,4,0,0,1,0.400,1.000,0.889,,,,",
                        "async,4,3,0,0.112,0.013,0.110,0.100,0.125,4,0,0,4,0.100,4.091,0.909,,,,"),
                lines);
    }

    @Test
    void csvLeavesUnknownValuesEmpty() {
        Comparison r = BenchStats.compute(
                new Workload("http://example.com/flags", null, null, 4, 1), List.of(runs("async", 4, 100)));
        assertEquals(
                "async,4,1,0,0.100,,0.100,0.100,0.100,4,0,0,4,,,,,,,",
                BenchFormat.csv.render(r).lines().toList().get(1));
    }

    @Test
    void csvHasTheCostWhenMeasured() {
        RecordedRuns measured = new RecordedRuns(
                "threads",
                4,
                List.of(
                        new MeasuredRun(ok("threads", 4, 100), new ClientCost(30, ms(40), 2_000_000, 50_000_000)),
                        new MeasuredRun(ok("threads", 4, 120), new ClientCost(34, ms(60), 4_000_000, 40_000_000))));
        String row = BenchFormat.csv
                .render(BenchStats.compute(EMBEDDED, List.of(measured)))
                .lines()
                .toList()
                .get(1);
        assertTrue(row.endsWith(",34,50.0,3000000,50000000"), "peaks are maxima, CPU and bytes means: " + row);
    }

    @Test
    void jsonHasTheWorkloadAndEveryFieldOfEachStrategy() {
        JsonObject o = JsonParser.parseString(BenchFormat.json.render(result())).getAsJsonObject();
        assertEquals(
                List.of("server", "delay_s", "jitter_s", "codes", "cpu_work_ms", "cores", "jvm", "strategies"),
                List.copyOf(o.keySet()));
        assertEquals("EMBEDDED", o.get("server").getAsString());
        assertEquals(0.1, o.get("delay_s").getAsDouble(), 1e-9);
        assertEquals(2, o.get("cores").getAsInt());
        assertEquals("Java 17 (Test)", o.get("jvm").getAsString());
        JsonArray strategies = o.getAsJsonArray("strategies");
        Set<String> fields = new HashSet<>(BenchFormat.FIELDS);
        fields.addAll(BenchFormat.PER_RUN_FIELDS);
        for (var e : strategies) {
            assertEquals(fields, e.getAsJsonObject().keySet());
        }
        JsonObject seq = strategies.get(0).getAsJsonObject();
        assertEquals(0.45, seq.get("mean_s").getAsDouble(), 1e-9);
        assertEquals(0.05, seq.get("stddev_s").getAsDouble(), 1e-9);
        assertEquals(
                List.of(0.4, 0.5, 0.45),
                seq.getAsJsonArray("times").asList().stream()
                        .map(t -> t.getAsDouble())
                        .toList(),
                "every run's time, in the order they ran");
        assertEquals(
                List.of(0, 0, 0),
                seq.getAsJsonArray("exit_codes").asList().stream()
                        .map(t -> t.getAsInt())
                        .toList());
        JsonObject counts = seq.getAsJsonArray("run_counts").get(1).getAsJsonObject();
        assertEquals(4, counts.get("ok").getAsInt());
        assertEquals(0, counts.get("not_done").getAsInt());
        JsonObject async = strategies.get(1).getAsJsonObject();
        assertEquals(4.091, async.get("speedup").getAsDouble(), 1e-9);
        assertEquals(0.909, async.get("efficiency").getAsDouble(), 1e-9);
        assertTrue(async.get("peak_threads").isJsonNull(), "cost not measured: null, not zero");
    }

    @Test
    void jsonKeepsFailedRunsInTimesAndTheirExitCodes() {
        List<BatchReport> reports = new ArrayList<>(List.of(ok("threads", 4, 100), batch("threads", 4, 10, 3, 0, 1)));
        Comparison r = BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400), runs("threads", 4, reports)));
        JsonObject threads = JsonParser.parseString(BenchFormat.json.render(r))
                .getAsJsonObject()
                .getAsJsonArray("strategies")
                .get(1)
                .getAsJsonObject();
        assertEquals(2, threads.getAsJsonArray("times").size());
        assertEquals(0.01, threads.getAsJsonArray("times").get(1).getAsDouble(), 1e-9);
        assertEquals(1, threads.getAsJsonArray("exit_codes").get(1).getAsInt());
        assertEquals(
                1,
                threads.getAsJsonArray("run_counts")
                        .get(1)
                        .getAsJsonObject()
                        .get("errors")
                        .getAsInt());
        assertEquals(1, threads.get("failed_runs").getAsInt());
        assertEquals(1, threads.get("runs").getAsInt(), "the statistics come from the clean run only");
        assertTrue(threads.get("speedup").isJsonNull(), "no speed claim with failed runs");
        assertTrue(threads.get("efficiency").isJsonNull());
    }

    @Test
    void jsonHasNullsForAnotherServer() {
        Comparison r = BenchStats.compute(new Workload("REMOTE", null, null, 4, 1), List.of(runs("async", 4, 100)));
        JsonObject o = JsonParser.parseString(BenchFormat.json.render(r)).getAsJsonObject();
        assertTrue(o.get("delay_s").isJsonNull());
        JsonObject async = o.getAsJsonArray("strategies").get(0).getAsJsonObject();
        assertTrue(async.get("ideal_s").isJsonNull());
        assertTrue(async.get("speedup").isJsonNull());
        assertTrue(async.get("stddev_s").isJsonNull(), "one run has no standard deviation");
    }

    @Test
    void markdownHasEveryColumnAndTheRelativeSpeed() {
        List<String> lines = BenchFormat.markdown.render(result()).lines().toList();
        assertEquals(4, lines.size());
        int columns = lines.get(0).split("\\|", -1).length - 2;
        assertEquals(19, columns, lines.get(0));
        for (String line : lines) {
            assertEquals(columns + 1, line.chars().filter(ch -> ch == '|').count(), line);
        }
        assertEquals("|:---|" + "---:|".repeat(columns - 1), lines.get(1));
        assertEquals(
                "| `seq` | 1 | 3 | 0.450 ± 0.050 | 0.450 | 0.400 | 0.500 | 4.09 ± 0.65 | 4 | 0 | 0 | 1 | 0.400 "
                        + "| 1.00x | 0.89 | - | - | - | - |",
                lines.get(2));
        assertTrue(
                lines.get(3).startsWith("| `async` | 4 | 3 | 0.112 ± 0.013 | 0.110 | 0.100 | 0.125 | 1.00 |"),
                lines.get(3));
    }

    @Test
    void theTableAlignsItsColumnsAndShowsUnknownsAndFailedRuns() {
        List<BatchReport> reports = new ArrayList<>(List.of(ok("threads", 4, 100), ok("threads", 4, 120)));
        reports.add(batch("threads", 4, 10, 3, 0, 1));
        Comparison r = BenchStats.compute(
                new Workload("REMOTE", null, null, 4, 1, Duration.ZERO, 2, "Java 17 (Test)"),
                List.of(runs("threads", 4, reports)));
        List<String> lines = BenchFormat.table.render(r).lines().toList();
        assertEquals("4 codes from REMOTE (delay unknown: no ideal, no efficiency)", lines.get(0));
        assertEquals("2 cores, Java 17 (Test); times in seconds", lines.get(1));
        assertEquals("", lines.get(2));
        String header = lines.get(3);
        String row = lines.get(4);
        assertTrue(header.startsWith("strategy  conc    runs  "), header);
        assertTrue(row.contains(" 2 of 3 "), row);
        assertTrue(row.contains("0.110 ± 0.014"), row);
        assertTrue(row.endsWith("-     -        -       -         -"), row);
        assertEquals(
                header.indexOf("median") + "median".length(),
                row.indexOf("0.110  ") + "0.110".length(),
                "numbers right-aligned under their heading");
        assertEquals("median runs: 4 ok", lines.get(6));
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80})
    void aNarrowTerminalGetsOneTableWithFewerColumnsAndTheRestNamed(int width) {
        Comparison r = BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400, 500), runs("threads", 4, 100, 120)));
        String whole = BenchFormat.table.render(r);
        String narrow = BenchFormat.table.render(r, width);
        for (String line : narrow.lines().toList()) {
            assertTrue(line.length() <= width, line.length() + " columns: " + line);
        }
        List<String> headingLines =
                narrow.lines().filter(l -> l.startsWith("strategy ")).toList();
        assertEquals(1, headingLines.size(), "one table, no part holding only the last columns: " + narrow);
        List<String> shown = headings(headingLines.get(0));
        for (String kept : List.of("mean ± σ", "median", "speedup", "eff.")) {
            assertTrue(shown.contains(kept), kept + " is never left out: " + narrow);
        }
        int at = narrow.indexOf("left out at this width: ");
        assertTrue(at >= 0, "the columns left out are named: " + narrow);
        String leftLine = narrow.substring(at).replace("\n", " ");
        List<String> all = headings(
                whole.lines().filter(l -> l.startsWith("strategy ")).findFirst().orElseThrow());
        List<String> left = List.of(leftLine.substring("left out at this width: ".length(), leftLine.indexOf(" ("))
                .split(", "));
        List<String> together = new ArrayList<>(all);
        together.removeAll(left);
        assertEquals(together, shown, "every column shown or named, in order");
        assertTrue(left.contains("alloc MB") && left.contains("CPU ms"), "the cost goes first: " + left);
        assertTrue(
                narrow.lines().noneMatch(l -> l.contains("alloc MB:") || l.contains("CPU ms:")), "no legend for them");
        assertEquals(whole, BenchFormat.table.render(r, BenchFormat.TABLE_WIDTH), "fits as it is: one table");
    }

    @Test
    void aTerminalTooNarrowEvenForTheFewestColumnsGetsTheTableInPartsEachStartingWithTheStrategy() {
        Comparison r = BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400, 500), runs("threads", 4, 100, 120)));
        String narrow = BenchFormat.table.render(r, 40);
        for (String line : narrow.lines().toList()) {
            assertTrue(line.length() <= 40, line.length() + " columns: " + line);
        }
        List<String> headingLines =
                narrow.lines().filter(l -> l.startsWith("strategy ")).toList();
        assertTrue(headingLines.size() >= 2, "split in parts: " + narrow);
        assertTrue(
                narrow.replace('\n', ' ')
                        .contains("left out at this width: conc, runs, reached, threads, CPU ms, alloc MB "),
                "every column that may go has gone, named in the table's order: " + narrow);
        assertEquals(
                2 * headingLines.size(),
                narrow.lines().filter(l -> l.matches("(seq|threads) .*")).count(),
                "each part has a row per strategy");
    }

    private static List<String> headings(String line) {
        return List.of(line.substring("strategy".length()).strip().split(" {2,}"));
    }

    @Test
    void theTableFitsOneHundredColumnsWithTheWidestValues() {
        List<MeasuredRun> slow = new ArrayList<>();
        for (long e : new long[] {98_765, 99_999, 12_345}) {
            slow.add(new MeasuredRun(
                    ok("virtual", 1000, e), new ClientCost(1013, ms(123_456), 9_876_543_210L, 1L << 33)));
        }
        slow.add(new MeasuredRun(batch("virtual", 1000, 10, 3, 0, 1), null));
        Workload w =
                new Workload("EMBEDDED", ms(100), Duration.ZERO, 676, 2, ms(50), 2, "Java 25.0.1 (Eclipse Adoptium)");
        Comparison r = BenchStats.compute(w, List.of(runs("seq", 1, 999_000), new RecordedRuns("virtual", 1000, slow)));
        for (String line : BenchFormat.table.render(r).lines().toList()) {
            assertTrue(line.length() <= BenchFormat.TABLE_WIDTH, line.length() + " columns: " + line);
        }
    }

    @Test
    void theCountsLineNamesStrategiesOnlyWhenTheyDisagree() {
        StrategyStats a = BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400)))
                .strategies()
                .get(0);
        StrategyStats b = BenchStats.compute(
                        EMBEDDED, List.of(runs("async", 4, List.of(batch("async", 4, 10, 2, 1, 1)))))
                .strategies()
                .get(0);
        assertEquals("median runs: 4 ok", BenchFormat.countsLine(List.of(a, a)));
        assertEquals("median runs: seq 4 ok; async 2 ok, 1 not found, 1 error", BenchFormat.countsLine(List.of(a, b)));
    }

    @Test
    void theWorkloadAndMachineLinesTellWhatRanWhere() {
        assertEquals(
                "20 codes from EMBEDDED (delay 0.1 s, jitter 0 s)",
                BenchFormat.workloadLine(new Workload("EMBEDDED", ms(100), Duration.ZERO, 20, 1)));
        Workload busy = new Workload("EMBEDDED", ms(2000), ms(500), 1, 2, ms(50), 1, "Java 21 (Test)");
        assertEquals(
                "1 code from EMBEDDED (delay 2 s, jitter 0.5 s, 2 requests per code, 50 ms of CPU work per code)",
                BenchFormat.workloadLine(busy));
        assertEquals("1 core, Java 21 (Test)", BenchFormat.machineLine(busy));
        assertEquals("2 cores, Java 17 (Test)", BenchFormat.machineLine(EMBEDDED));
    }
}
