package flags.bench;

import static flags.bench.BenchFixtures.ms;
import static flags.bench.BenchFixtures.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class BenchOutcomeTest {
    private static final Workload EMBEDDED =
            new Workload("EMBEDDED", ms(100), Duration.ZERO, 4, 1, Duration.ZERO, 2, "Java 17 (Test)");

    /** seq steady, threads with a wide spread and a slow first run: two warnings, each longer than 80 columns. */
    private static BenchOutcome outcome() {
        return new BenchOutcome(
                EMBEDDED,
                new BenchPlan(0, 5),
                Map.of(
                        4,
                        List.of(runs("seq", 1, 400, 401, 402, 399, 400), runs("threads", 4, 300, 100, 130, 100, 101))),
                false,
                false);
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80, 120})
    void warningsAreWrappedOnWordsForTheTerminalsWidth(int width) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        outcome().print(BenchFormat.table, new PrintWriter(out), width, new PrintWriter(err), width, "flags bench");
        List<String> lines = err.toString().lines().toList();
        assertEquals(
                2,
                lines.stream().filter(l -> l.startsWith("Warning: threads: ")).count(),
                err.toString());
        for (String line : lines) {
            assertTrue(line.length() <= width, line.length() + " columns: " + line);
            assertTrue(line.startsWith("Warning: ") || line.startsWith("  "), "a continuation is indented: " + line);
        }
        String joined = err.toString().replaceAll("\n  ", " ");
        assertTrue(
                joined.contains("threads: runs ranged from 0.100 s to 0.300 s (198% of the median): other programs"
                        + " at work? Try more --runs on a quieter machine\n"),
                "no word broken: " + joined);
        assertTrue(
                out.toString().contains("\nSummary\n  threads ran 3.96 times faster than seq (p = "), out.toString());
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80})
    void aPipeGetsEachWarningOnOneLine(int tableWidth) {
        StringWriter err = new StringWriter();
        outcome()
                .print(
                        BenchFormat.csv,
                        new PrintWriter(new StringWriter()),
                        tableWidth,
                        new PrintWriter(err),
                        Integer.MAX_VALUE,
                        "flags bench");
        assertEquals(
                2, err.toString().lines().filter(l -> l.startsWith("Warning: ")).count(), err.toString());
        assertTrue(
                err.toString().lines().noneMatch(l -> l.startsWith("  Try") || l.startsWith("  at")), err.toString());
        assertTrue(err.toString().contains("Summary\n"), "csv on stdout: the Summary on stderr: " + err);
    }
}
