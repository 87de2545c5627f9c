package flags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.JarProcess;
import flags.testing.Signals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGINT to the packaged jar mid-batch: partial summary, exit 130, promptly, nothing partial left behind. */
@Execution(ExecutionMode.CONCURRENT) // its cases mostly wait on the processes they start: run four at a time
@Timeout(120)
class CtrlCIT {
    /**
     * A stopped command that does not exit fails here; how fast it exits is measured and reported in
     * docs/benchmarks.md, not asserted, since several of these run at once on a busy machine.
     */
    private static final long EXIT_LIMIT_MS = 15_000;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void ctrlCStopsTheBatchPrintsThePartialSummaryAndExits130(String command) throws Exception {
        Path out = work.resolve("out");
        Process p = JarProcess.interruptible(
                        work,
                        command,
                        "-a",
                        "-m",
                        "10",
                        "--delay",
                        "0.5",
                        "--jitter",
                        "0",
                        "-o",
                        out.toString(),
                        "--progress",
                        "off")
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; lines.size() < 3 && (line = stdout.readLine()) != null; ) {
            lines.add(line); // the header: the batch has started
        }
        Thread.sleep(1_200); // let some downloads finish and others be in flight

        long sent = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                .inheritIO()
                .start()
                .waitFor();
        assertTrue(p.waitFor(EXIT_LIMIT_MS, TimeUnit.MILLISECONDS), "exited after SIGINT");
        long tookMs = (System.nanoTime() - sent) / 1_000_000;
        System.out.println(command + ": exited " + tookMs + " ms after SIGINT");

        for (String line; (line = stdout.readLine()) != null; ) {
            lines.add(line);
        }
        String text = String.join("\n", lines);
        assertEquals(130, p.exitValue(), text);
        String err = Files.readString(work.resolve("stderr.txt"));
        assertFalse(err.contains("still stopping"), "the command let go of everything at once: " + err);
        assertTrue(text.contains("not done (interrupted)."), text);
        assertTrue(text.contains("flags downloaded.") || text.contains("flag downloaded."), text);
        assertTrue(lines.get(lines.size() - 1).startsWith("Elapsed time: "), text);

        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                assertTrue(name.matches("[a-z]{2}\\.gif"), "unexpected file left: " + name);
                String cc = name.substring(0, 2);
                Path original = Path.of("flags-sample", cc, cc + ".gif");
                assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(f), "complete file " + name);
            }
        }
    }

    /** The runs save under {@code -o}, or without it under the temporary directory; Ctrl-C leaves neither. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ctrlCStopsTheBenchWhichReportsTheRunsRecordedSoFar(boolean withOutput) throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        Path runs = withOutput ? work.resolve("out") : tmp;
        List<String> args = new ArrayList<>(List.of(
                "bench",
                "--strategies",
                "seq,async",
                "-l",
                "4",
                "--delay",
                "0.3",
                "--warmup",
                "0",
                "--runs",
                "5",
                "-v"));
        if (withOutput) {
            args.addAll(List.of("-o", runs.toString()));
        }
        Process p = JarProcess.interruptible(work, List.of("-Djava.io.tmpdir=" + tmp), args.toArray(String[]::new))
                .start();
        BufferedReader stderr = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        List<String> err = new ArrayList<>();
        for (String line; (line = stderr.readLine()) != null; ) {
            err.add(line);
            if (line.startsWith("async run 1/5: ")) {
                break; // a whole round is recorded; seq's second run is under way
            }
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                .inheritIO()
                .start()
                .waitFor();
        assertTrue(p.waitFor(EXIT_LIMIT_MS, TimeUnit.MILLISECONDS), "exited after SIGINT");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String line; (line = stderr.readLine()) != null; ) {
            err.add(line);
        }
        assertEquals(130, p.exitValue(), out + err);
        assertFalse(err.stream().anyMatch(l -> l.contains("still stopping")), "let go of everything at once: " + err);
        assertTrue(
                String.join("\n", err).contains("flags bench: interrupted; the runs recorded so far:"), err.toString());
        assertTrue(out.lines().anyMatch(l -> l.startsWith("seq ") && l.contains(" 1.00x ")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("async ")), out);
        assertFalse(err.stream().anyMatch(l -> l.contains("[failed run]")), "a stopped run is not recorded as failed");
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(List.of(), left.toList(), "the bench's run directory is removed, the stopped run's too");
        }
    }

    /**
     * In a real terminal the progress bar is on; progressbar once opened a JLine terminal there, which took
     * SIGINT over and killed the JVM without the partial summary. {@code script} gives the jar a terminal, and
     * the test types Ctrl-C into it, so the terminal's line discipline sends the SIGINT, as for a person.
     */
    @Test
    void ctrlCInATerminalWithTheProgressBarStillPrintsThePartialSummary() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "needs util-linux script for a pseudo-terminal");
        Path out = work.resolve("out");
        // exec: script runs the command through $SHELL (or /bin/sh), and no shell may sit between the
        // terminal and the JVM, whichever shell the machine has.
        String command = "exec "
                + String.join(
                        " ",
                        JarProcess.builder(
                                        work,
                                        "threads",
                                        "-a",
                                        "-m",
                                        "5",
                                        "--delay",
                                        "0.5",
                                        "--jitter",
                                        "0",
                                        "-o",
                                        out.toString())
                                .command());
        Path typescript = work.resolve("typescript.txt");
        Process p = new ProcessBuilder(
                        Signals.withDefaultSigint(List.of(script.toString(), "-qfec", command, typescript.toString())))
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        Screen screen = new Screen(p.getInputStream());

        assertTrue(screen.awaitText("/194 flags", 20_000), "the bar was drawn: " + screen.text());
        p.getOutputStream().write(0x03); // Ctrl-C, typed into the terminal
        p.getOutputStream().flush();
        assertTrue(p.waitFor(EXIT_LIMIT_MS, TimeUnit.MILLISECONDS), "exited after Ctrl-C: " + screen.text());
        screen.awaitEnd();

        assertEquals(130, p.exitValue(), screen.text());
        assertTrue(screen.text().contains("not done (interrupted)."), screen.text());
        assertTrue(screen.text().contains("Elapsed time: "), screen.text());
        Matcher bar = Pattern.compile("(\\d+)/194 flags").matcher(screen.text());
        int lastBar = -1;
        while (bar.find()) {
            lastBar = Integer.parseInt(bar.group(1));
        }
        Matcher count = Pattern.compile("(?m)^\\s*(\\d+) (?:flags? downloaded|not found|errors?)\\.")
                .matcher(screen.text());
        int ended = 0;
        while (count.find()) {
            ended += Integer.parseInt(count.group(1));
        }
        assertEquals(ended, lastBar, "the bar ends at the summary's count of codes that ended: " + screen.text());
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().matches("[a-z]{2}\\.gif")), "no temporary files");
        }
    }

    /** What the terminal shows, read on a thread of its own so the test can wait for a text with a limit. */
    private static final class Screen {
        private final StringBuffer text = new StringBuffer();
        private final Thread reader;

        Screen(InputStream in) {
            reader = new Thread(
                    () -> {
                        byte[] buf = new byte[4096];
                        try (in) {
                            for (int n; (n = in.read(buf)) > 0; ) {
                                text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            }
                        } catch (IOException e) {
                            text.append("\n[read failed: ")
                                    .append(e.getMessage())
                                    .append(']');
                        }
                    },
                    "screen-reader");
            reader.setDaemon(true);
            reader.start();
        }

        boolean awaitText(String wanted, long limitMs) throws InterruptedException {
            long deadline = System.nanoTime() + limitMs * 1_000_000;
            while (!text.toString().contains(wanted) && System.nanoTime() < deadline && reader.isAlive()) {
                Thread.sleep(20); // bounded polling of a pipe; nothing here to latch on
            }
            return text.toString().contains(wanted);
        }

        void awaitEnd() throws InterruptedException {
            reader.join(5_000);
        }

        String text() {
            return text.toString();
        }
    }
}
