package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar in a real pseudo-terminal of a chosen width ({@code script} plus {@code stty}), as a person
 * sees it: the bar never wider than the terminal, help as wide as the terminal, colour only where it belongs.
 */
@Execution(ExecutionMode.CONCURRENT) // its cases mostly wait on the processes they start: run four at a time
@Timeout(120)
class TerminalIT {
    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path work;

    @BeforeEach
    void needsScript() {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "needs util-linux script for a pseudo-terminal");
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 120})
    void theBarNeverWrapsAndEndsAtTheSummarysCount(int columns) throws Exception {
        String screen = inTerminal(
                columns,
                "TERM=xterm",
                "seq",
                "-l",
                "12",
                "--delay",
                "0.05",
                "--jitter",
                "0",
                "--error-rate",
                "0.3",
                "--progress",
                "on",
                "-o",
                work.resolve("out").toString());
        List<String> bars = Arrays.stream(screen.split("[\r\n]"))
                .filter(s -> s.contains("/12 flags"))
                .toList();
        assertTrue(bars.size() >= 2, "the bar was drawn and redrawn: " + screen);
        for (String bar : bars) {
            String shown = shown(bar);
            assertTrue(shown.length() < columns, shown.length() + " columns: " + bar);
        }
        String last = bars.get(bars.size() - 1);
        assertTrue(last.contains("12/12 flags"), last);
        assertTrue(screen.contains("Elapsed time: "), screen);
    }

    @Test
    void aTerminalNarrowedDuringTheBatchGetsANarrowerBar() throws Exception {
        // The terminal is 120 columns until the bar shows, then 50 (SIGWINCH, as a window resize sends). The
        // resizer watches the typescript, bounded to 15 s, so a slow JVM start cannot beat it. The pattern must
        // not match itself: script writes this very command at the top of the typescript.
        Path typescript = work.resolve("typescript");
        String resize = "(i=0; until grep -q '[0-9]/20 flags' " + typescript + " || [ $i -ge 300 ]; do sleep 0.05; "
                + "i=$((i+1)); done; stty cols 50 < /dev/tty) &";
        String screen = inTerminalAfter(
                resize,
                120,
                "TERM=xterm",
                "seq",
                "-l",
                "20",
                "--delay",
                "0.1",
                "--jitter",
                "0",
                "--progress",
                "on",
                "-o",
                work.resolve("out").toString());
        List<Integer> widths = Arrays.stream(screen.split("[\r\n]"))
                .filter(s -> s.contains("/20 flags"))
                .map(s -> shown(s).length())
                .toList();
        assertTrue(
                widths.stream().anyMatch(w -> w > 60),
                "wide at first: " + widths + "\n" + screen.replace("\r", "<CR>"));
        assertTrue(widths.get(widths.size() - 1) < 50, "narrow at the end: " + widths + screen.replace("\r", "<CR>\n"));
        assertTrue(
                Arrays.stream(screen.split("\r"))
                        .filter(s -> s.contains("/20 flags"))
                        .allMatch(s -> s.startsWith("\u001b[?7l") && s.contains("\u001b[?7h")),
                "each bar drawn with line wrapping off, so one drawn for the old width cannot wrap: "
                        + screen.replace("\r", "<CR>\n"));
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80, 120})
    void theBenchBarKeepsItsLabelWholeAndABarAtEveryWidth(int columns) throws Exception {
        String screen = inTerminal(
                columns,
                "TERM=xterm",
                "bench",
                "-l",
                "3",
                "--delay",
                "0.05",
                "--warmup",
                "1",
                "--runs",
                "2",
                "--progress",
                "on");
        List<String> bars = Arrays.stream(screen.split("[\r\n]"))
                .map(TerminalIT::shown)
                .filter(s -> s.matches(".*\\d+/9 runs.*"))
                .toList();
        assertTrue(bars.size() >= 2, "the bar was drawn and redrawn: " + screen);
        for (String bar : bars) {
            assertTrue(bar.length() < columns, bar.length() + " columns: " + bar);
            if (!bar.contains("9/9 runs") && !bar.contains(" 0/9 runs")) { // no run yet, or none left: no label
                assertTrue(
                        bar.matches("(seq|threads|async) (run|warm-up) [12]/[12]  +\\d+% \\[[=> ]{10,}] \\d/9 runs.*"),
                        "the run's label whole, then a bar of 10 or more: " + bar);
            }
        }
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 160})
    void helpIsAsWideAsTheTerminal(int columns) throws Exception {
        String screen = inTerminal(columns, "TERM=dumb", "threads", "--help");
        List<String> lines = screen.lines().map(l -> l.replace("\r", "")).toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= columns), "a line wider than " + columns + ": " + screen);
        int widest = lines.stream().mapToInt(String::length).max().orElse(0);
        assertTrue(widest > columns - 20, "uses the width: the widest line is " + widest + " of " + columns);
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80, 120})
    void theBenchTableFitsTheTerminalInOneTableNamingTheColumnsLeftOut(int columns) throws Exception {
        String screen =
                inTerminal(columns, "TERM=dumb", "bench", "-l", "2", "--delay", "0", "--warmup", "0", "--runs", "1");
        List<String> lines = screen.lines() // as the terminal shows them: what the last carriage return left
                .map(l -> shown(l.replaceAll("\r+$", "")))
                .map(l -> l.substring(l.lastIndexOf('\r') + 1))
                .toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= columns), "a line wider than " + columns + ": " + screen);
        long parts = lines.stream().filter(l -> l.startsWith("strategy ")).count();
        assertEquals(1, parts, "fewer columns before a split: " + screen);
        assertTrue(screen.contains("alloc MB"), "every column is there or named: " + screen);
    }

    @Test
    void noColourUnderTermDumbOrNoColorButColourInARealTerminal() throws Exception {
        assertFalse(inTerminal(100, "TERM=dumb", "seq", "--help").contains("\u001b["), "TERM=dumb");
        assertFalse(inTerminal(100, "TERM=xterm NO_COLOR=1", "seq", "--help").contains("\u001b["), "NO_COLOR");
        assertTrue(inTerminal(100, "TERM=xterm", "seq", "--help").contains("\u001b["), "an xterm gets colour");
    }

    /** What a terminal shows of {@code drawn}: control sequences (erase, line wrapping off and on) take no column. */
    private static String shown(String drawn) {
        return drawn.replaceAll("\u001b\\[\\??[0-9;]*[A-Za-z]", "");
    }

    /** Runs the jar under {@code env} in a terminal {@code columns} wide and returns what the terminal showed. */
    private String inTerminal(int columns, String env, String... args) throws Exception {
        return inTerminalAfter("", columns, env, args);
    }

    /** The same, running {@code before} (a shell fragment) first. */
    private String inTerminalAfter(String before, int columns, String env, String... args) throws Exception {
        String jar = String.join(" ", JarProcess.builder(work, args).command());
        String command = "stty cols " + columns + " rows 40; " + before + " exec env " + env + " " + jar;
        Path typescript = work.resolve("typescript");
        Process p = new ProcessBuilder(SCRIPT.toString(), "-qfec", command, typescript.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] shown = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue() == 1 ? 0 : p.exitValue(), new String(shown, StandardCharsets.UTF_8));
        return new String(shown, StandardCharsets.UTF_8);
    }
}
