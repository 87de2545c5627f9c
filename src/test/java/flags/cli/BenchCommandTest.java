package flags.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.bench.BenchFormat;
import flags.download.VirtualThreads;
import flags.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real {@code flags bench} against the embedded server, with a tiny delay and few runs: shapes, not speed. */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(120)
class BenchCommandTest {
    @TempDir
    Path tmp;

    private Cli.Run bench(String... extra) {
        return bench(2, 0, extra);
    }

    private Cli.Run bench(int runs, int warmup, String... extra) {
        List<String> argv = new ArrayList<>(List.of(
                "bench",
                "-o",
                tmp.resolve("out").toString(),
                "--delay",
                "0.05",
                "--runs",
                String.valueOf(runs),
                "--warmup",
                String.valueOf(warmup),
                "-l",
                "5"));
        argv.addAll(List.of(extra));
        return Cli.run(argv.toArray(String[]::new));
    }

    private static Set<String> strategyFields() {
        Set<String> fields = new HashSet<>(BenchFormat.FIELDS);
        fields.addAll(BenchFormat.PER_RUN_FIELDS);
        return fields;
    }

    @Test
    void jsonHasEveryFieldForEveryStrategy() {
        Cli.Run run = bench("--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(
                Set.of("server", "delay_s", "jitter_s", "codes", "cpu_work_ms", "cores", "jvm", "strategies"),
                o.keySet());
        assertEquals(Runtime.getRuntime().availableProcessors(), o.get("cores").getAsInt());
        assertEquals("EMBEDDED", o.get("server").getAsString());
        assertEquals(0.05, o.get("delay_s").getAsDouble(), 1e-9);
        assertEquals(0.0, o.get("jitter_s").getAsDouble(), 1e-9, "bench defaults to --jitter 0");
        assertEquals(5, o.get("codes").getAsInt());
        JsonArray strategies = o.getAsJsonArray("strategies");
        assertEquals(
                List.of("seq", "threads", "async"),
                strategies.asList().stream()
                        .map(s -> s.getAsJsonObject().get("strategy").getAsString())
                        .toList());
        for (var e : strategies) {
            JsonObject s = e.getAsJsonObject();
            String name = s.get("strategy").getAsString();
            int concurrency = name.equals("seq") ? 1 : 5;
            assertAll(
                    name,
                    () -> assertEquals(strategyFields(), s.keySet()),
                    () -> assertEquals(2, s.getAsJsonArray("times").size(), "each recorded run's time"),
                    () -> assertTrue(s.get("peak_threads").getAsInt() >= concurrency, "cost measured: " + s),
                    () -> assertTrue(s.get("cpu_ms").getAsDouble() > 0),
                    () -> assertTrue(s.get("allocated_bytes").getAsLong() > 0),
                    () -> assertTrue(s.get("peak_heap_bytes").getAsLong() > 0),
                    () -> assertEquals(concurrency, s.get("concurrency").getAsInt()),
                    () -> assertEquals(2, s.get("runs").getAsInt()),
                    () -> assertEquals(5, s.get("ok").getAsInt()),
                    () -> assertEquals(0, s.get("errors").getAsInt()),
                    () -> assertEquals(concurrency, s.get("max_in_flight").getAsInt()),
                    () -> assertEquals(
                            concurrency == 1 ? 0.25 : 0.05, s.get("ideal_s").getAsDouble(), 1e-9),
                    () -> assertTrue(
                            s.get("min_s").getAsDouble() <= s.get("median_s").getAsDouble()),
                    () -> assertTrue(
                            s.get("median_s").getAsDouble() <= s.get("max_s").getAsDouble()),
                    () -> assertTrue(s.get("efficiency").getAsDouble() > 0),
                    () -> assertTrue(s.get("speedup").getAsDouble() > 0));
        }
        assertEquals(1.0, strategies.get(0).getAsJsonObject().get("speedup").getAsDouble(), 1e-9);
        assertTrue(run.err().contains("Summary"), "the summary goes to stderr when stdout carries data: " + run.err());
    }

    @Test
    void csvIsAHeaderAndOneRowPerStrategy() {
        Cli.Run run = bench("--format", "csv", "--strategies", "async,seq");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertEquals(String.join(",", BenchFormat.FIELDS), lines.get(0));
        assertTrue(lines.get(1).startsWith("async,5,2,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("seq,1,2,"), lines.get(2));
        for (String row : lines.subList(1, 3)) {
            assertEquals(BenchFormat.FIELDS.size(), row.split(",", -1).length, row);
        }
    }

    @Test
    void markdownIsOnlyTheTable() {
        Cli.Run run = bench("--format", "markdown", "--strategies", "threads");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("| Strategy | Concurrency |"), lines.get(0));
        assertTrue(lines.get(1).startsWith("|:---|---:|"), lines.get(1));
        assertTrue(lines.get(2).startsWith("| `threads` | 5 | 2 | "), lines.get(2));
        assertFalse(run.err().contains("Summary"), "one strategy: nothing to compare");
    }

    @Test
    void theTableIsTheDefaultWithTheSummaryOnStdout() throws Exception {
        Path svg = tmp.resolve("bench.svg");
        Cli.Run run = bench(3, 1, "--timeline", svg.toString(), "-v");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("5 codes from EMBEDDED (delay 0.05 s, jitter 0 s)", lines.get(0));
        assertTrue(lines.get(1).endsWith("; times in seconds"), lines.get(1));
        assertTrue(lines.get(3).startsWith("strategy  conc  runs  "), lines.get(3));
        assertTrue(lines.get(4).startsWith("seq "), lines.get(4));
        assertTrue(run.out().contains("\nSummary\n"), run.out());
        // The wording of each verdict is BenchNotesTest's; here, that the Summary judges every strategy against seq.
        // A busy machine may widen seq's times until Welch's test finds no difference: that is a verdict too.
        assertTrue(
                run.out()
                        .matches("(?s).*\n  \\w+ (ran [0-9.]+ times faster than seq|and seq: no measurable "
                                + "difference) \\(.*"),
                run.out());
        for (String line : lines) {
            assertTrue(line.length() <= BenchFormat.TABLE_WIDTH, line);
        }
        assertTrue(run.err().contains("seq run 3/3: "), "-v prints a line per run: " + run.err());
        String picture = Files.readString(svg);
        for (String lane : List.of("lane-seq", "lane-threads", "lane-async")) {
            assertTrue(picture.matches("(?s).*id=[\"']" + lane + "[\"'].*"), lane);
        }
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            assertEquals(List.of(), files.toList(), "every run's directory is removed, no temporary file is left");
        }
    }

    @Test
    void failedRunsAreShownAndExitOne() {
        Cli.Run run = bench("--error-rate", "1", "--retries", "0", "--strategies", "async", "--format", "csv");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("async run 1/2: "), run.err());
        assertTrue(run.err().contains("[failed run]"), run.err());
        assertTrue(run.err().contains("async: all 2 recorded runs had errors"), run.err());
        String row = run.out().lines().toList().get(1);
        assertTrue(row.startsWith("async,5,2,2,"), "2 runs, both failed: " + row);
        assertTrue(row.contains(",0,0,5,"), "ok 0, not found 0, errors 5: " + row);
        assertTrue(run.err().contains("no speed claim for async") || !run.err().contains("times faster"), run.err());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("--runs", "0"), "--runs: expected 1 or more, got '0'"),
                Arguments.of(List.of("--warmup", "-1"), "--warmup: expected 0 or more, got '-1'"),
                Arguments.of(List.of("--strategies", "seq,fibers"), "fibers"),
                Arguments.of(List.of("--format", "yaml"), "yaml"),
                Arguments.of(List.of("--timeline", "x.txt"), "must end in .svg or .png"),
                Arguments.of(List.of("-m", "0"), "--max-req: expected 1..1000, got '0'"),
                Arguments.of(List.of("-s", "LOCAL", "--delay", "1"), "only apply to the EMBEDDED server"),
                Arguments.of(List.of("--scan-m", "1,2", "--strategies", "seq,threads"), "seq ignores"),
                Arguments.of(List.of("--scan-m", "0:10"), "0 is not in 1..1000"),
                Arguments.of(List.of("--scan-m", "ten"), "expected a list such as 1,2,5,10"),
                Arguments.of(List.of("--scan-m", "1,2", "-m", "5"), "choose -m or --scan-m"),
                Arguments.of(List.of("--plot", "p.svg"), "give --scan-m too"),
                Arguments.of(List.of("--scan-m", "1,2", "--timeline", "t.svg"), "not with --scan-m"),
                Arguments.of(List.of("--scan-m", "1,2", "--plot", "p.txt"), "--plot file must end in .svg or .png"),
                Arguments.of(List.of("--export-json", "."), "is a directory"),
                Arguments.of(List.of("--export-csv", "no-such-dir/x.csv"), "no writable directory"),
                Arguments.of(List.of("--export-json", "r.txt", "--export-csv", "r.txt"), "the same file"),
                Arguments.of(List.of("--cpu-work", "-1"), "expected whole milliseconds"),
                Arguments.of(List.of("--progress", "sometimes"), "sometimes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExitTwoWithOneLineAndCreateNothing(List<String> args, String expected) {
        Path output = tmp.resolve("never");
        List<String> argv = new ArrayList<>(List.of("bench", "-o", output.toString()));
        argv.addAll(args);
        Cli.Run run = Cli.run(argv.toArray(String[]::new));
        List<String> lines = run.err().lines().toList();
        assertAll(
                () -> assertEquals(2, run.exitCode()),
                () -> assertEquals("", run.out()),
                () -> assertEquals(2, lines.size(), run.err()),
                () -> assertTrue(lines.get(0).startsWith("flags bench: "), lines.get(0)),
                () -> assertTrue(lines.get(0).contains(expected), lines.get(0)),
                () -> assertEquals("Try 'flags bench --help' for more information.", lines.get(1)),
                () -> assertFalse(Files.exists(output)));
    }

    @Test
    void virtualIsAUsageErrorWithoutVirtualThreads() {
        assumeFalse(VirtualThreads.available(), "this JVM has virtual threads");
        Cli.Run run = Cli.run("bench", "-o", tmp.resolve("never").toString(), "--strategies", "seq,virtual");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(VirtualThreads.NEEDS_JAVA_21), run.err());
    }

    @Test
    void virtualRunsWhereTheJvmHasIt() {
        assumeTrue(VirtualThreads.available(), "needs Java 21+");
        Cli.Run run = bench("--strategies", "virtual", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().toList().get(1).startsWith("virtual,5,2,"), run.out());
    }

    @Test
    void exportsAreWrittenWhileTheTableShowsAndReadBack() throws Exception {
        Path json = tmp.resolve("r.json");
        Path csv = tmp.resolve("r.csv");
        Path md = tmp.resolve("r.md");
        Cli.Run run = bench(
                "--export-json",
                json.toString(),
                "--export-csv",
                csv.toString(),
                "--export-markdown",
                md.toString(),
                "--strategies",
                "seq,async");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("5 codes from EMBEDDED"), "the table still on stdout: " + run.out());
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonArray strategies = o.getAsJsonArray("strategies");
        assertEquals(
                List.of("seq", "async"),
                strategies.asList().stream()
                        .map(s -> s.getAsJsonObject().get("strategy").getAsString())
                        .toList());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(String.join(",", BenchFormat.FIELDS), rows.get(0));
        assertEquals(3, rows.size());
        for (int i = 0; i < 2; i++) {
            String[] cells = rows.get(i + 1).split(",", -1);
            JsonObject s = strategies.get(i).getAsJsonObject();
            assertEquals(BenchFormat.FIELDS.size(), cells.length);
            assertEquals(s.get("strategy").getAsString(), cells[0]);
            assertEquals(
                    s.get("median_s").getAsDouble(),
                    Double.parseDouble(cells[BenchFormat.FIELDS.indexOf("median_s")]),
                    1e-9,
                    "the same run, in both files");
            assertEquals(
                    s.get("mean_s").getAsDouble(),
                    Double.parseDouble(cells[BenchFormat.FIELDS.indexOf("mean_s")]),
                    1e-9);
        }
        List<String> table = Files.readAllLines(md);
        assertEquals(4, table.size());
        assertTrue(table.get(2).startsWith("| `seq` | 1 | 2 | "), table.get(2));
        assertTrue(table.get(3).startsWith("| `async` | 5 | 2 | "), table.get(3));
    }

    @Test
    void cpuWorkCountsInEveryRunsTime() {
        Cli.Run run = Cli.run(
                "bench",
                "-o",
                tmp.resolve("out").toString(),
                "--delay",
                "0",
                "--runs",
                "2",
                "--warmup",
                "0",
                "-l",
                "3",
                "--strategies",
                "seq",
                "--cpu-work",
                "100",
                "--format",
                "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(100, o.get("cpu_work_ms").getAsInt());
        JsonObject seq = o.getAsJsonArray("strategies").get(0).getAsJsonObject();
        // 3 codes x 100 ms of one core, one after the other; lower bounds only, a busy machine is slower.
        for (var t : seq.getAsJsonArray("times")) {
            assertTrue(t.getAsDouble() >= 0.18, "each run holds the work: " + seq.get("times"));
        }
        assertTrue(seq.get("cpu_ms").getAsDouble() >= 180, "and its CPU time: " + seq.get("cpu_ms"));
        assertEquals(0.3, seq.get("ideal_s").getAsDouble(), 1e-9, "the ideal holds the work too");
    }

    @Test
    void aScanRunsEachMAndDrawsItsChart() throws Exception {
        Path svg = tmp.resolve("scan.svg");
        Path json = tmp.resolve("scan.json");
        Cli.Run run = Cli.run(
                "bench",
                "-o",
                tmp.resolve("out").toString(),
                "--delay",
                "0.05",
                "--runs",
                "1",
                "--warmup",
                "0",
                "-l",
                "4",
                "--scan-m",
                "1:2",
                "--strategies",
                "threads",
                "--plot",
                svg.toString(),
                "--export-json",
                json.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        int header = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("m ") || l.matches(" *m  ideal.*"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(run.out())));
        assertTrue(lines.get(header).matches(" *m  ideal  threads  eff\\."), lines.get(header));
        assertTrue(lines.get(header + 1).matches(" *1  0\\.200  +\\d+\\.\\d{3}  +\\d\\.\\d\\d"), lines.get(header + 1));
        assertTrue(lines.get(header + 2).matches(" *2  0\\.100  +\\d+\\.\\d{3}  +\\d\\.\\d\\d"), lines.get(header + 2));
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        JsonArray scan = o.getAsJsonArray("scan");
        assertEquals(
                List.of(1, 2),
                scan.asList().stream()
                        .map(p -> p.getAsJsonObject().get("max_req").getAsInt())
                        .toList());
        assertEquals(
                2,
                scan.get(1)
                        .getAsJsonObject()
                        .getAsJsonArray("strategies")
                        .get(0)
                        .getAsJsonObject()
                        .get("max_in_flight")
                        .getAsInt());
        String picture = Files.readString(svg);
        assertTrue(picture.contains("id='series-threads'") || picture.contains("id=\"series-threads\""), picture);
        assertTrue(picture.contains("series-ideal"), picture);
        assertTrue(picture.contains("4 codes from EMBEDDED"), "the workload is in the picture");
    }

    @Test
    void helpListsTheExitCodes() {
        Cli.Run run = Cli.run("bench", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Exit status:"), run.out());
        assertTrue(run.out().contains("--strategies"), run.out());
        assertTrue(run.out().contains("median run"), run.out());
    }

    @Test
    void theOptionsBenchSharesWithTheDownloadCommandsReadTheSameInEveryHelp() {
        String bench = Cli.run("bench", "--help").out();
        for (String command : List.of("seq", "threads", "async")) {
            String download = Cli.run(command, "--help").out();
            for (String option : List.of("--progress=WHEN", "--debug")) {
                String shown = optionHelp(bench, option);
                assertTrue(shown.contains("stderr"), option + " is in bench's help: " + bench);
                assertEquals(shown, optionHelp(download, option), option + " in " + command + "'s help");
            }
        }
    }

    /** The lines of {@code help} that describe {@code option}: its own, and the indented ones continuing it. */
    private static String optionHelp(String help, String option) {
        List<String> lines = help.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(option + " ")) {
                out.append(lines.get(i).strip());
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("        "); j++) {
                    out.append(' ').append(lines.get(j).strip());
                }
            }
        }
        return out.toString();
    }
}
