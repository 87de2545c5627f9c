package flags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.download.StrategyTable;
import flags.input.Countries;
import flags.testing.FakeFlags;
import flags.testing.HeldRest;
import flags.testing.JarProcess;
import flags.testing.Signals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGINT to the packaged jar mid-batch: partial summary, exit 130, promptly, nothing partial left behind. */
@Execution(ExecutionMode.CONCURRENT) // its cases mostly wait on the processes they start: run four at a time
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a case takes seconds; on a saturated machine, a minute or two
class CtrlCIT {
    /**
     * A stopped command that does not exit fails here. How fast it exits (the promise is a second) is measured by
     * bench/ctrlc.sh, not asserted: several of these run at once, on machines busy with other work too.
     */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);

    /** Answered at once by the test's server; every later code of the 194 is held in flight until the stop. */
    private static final List<String> ANSWERED = Countries.codes().subList(0, 12);

    private static final int HELD = Countries.codes().size() - ANSWERED.size();
    private static final int MAX_REQ = 10;

    /** A JVM starting and its batch getting under way: a second, ten on a saturated machine; only a hang, this. */
    private static final Duration BATCH_UNDER_WAY = Duration.ofMinutes(2);

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("flags.download.StrategyTable#commands")
    void ctrlCStopsTheBatchPrintsThePartialSummaryAndExits130(String command) throws Exception {
        Path out = work.resolve("out");
        try (HeldRest server = HeldRest.start(ANSWERED)) {
            Process p = JarProcess.interruptible(
                            work,
                            command,
                            "-a",
                            "-m",
                            Integer.toString(MAX_REQ),
                            "-s",
                            server.base().toString(),
                            "-o",
                            out.toString(),
                            "--progress",
                            "off")
                    .redirectError(work.resolve("stderr.txt").toFile())
                    .start();
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            // Every answered code is done once the held ones fill every place the strategy has for requests.
            int inFlight = StrategyTable.commandDefault(command).create(MAX_REQ).concurrency(HELD);
            assertTrue(server.awaitHeld(inFlight, BATCH_UNDER_WAY), "the held requests came in");

            long sent = System.nanoTime();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            assertTrue(p.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "exited after SIGINT");
            long tookMs = (System.nanoTime() - sent) / 1_000_000;
            System.out.println(command + ": exited " + tookMs + " ms after SIGINT");

            List<String> lines = stdout.lines().toList();
            // stderr too: a command that never let go is cut off by its hook ("still stopping after 15 s")
            String text = String.join("\n", lines) + "\nstderr: " + Files.readString(work.resolve("stderr.txt"));
            assertEquals(130, p.exitValue(), text);
            assertTrue(lines.contains(String.format("%3d flags downloaded.", ANSWERED.size())), text);
            assertTrue(lines.contains(String.format("%3d not done (interrupted).", HELD)), text);
            assertTrue(lines.get(lines.size() - 1).startsWith("Elapsed time: "), text);

            try (Stream<Path> files = Files.list(out)) {
                List<String> names =
                        files.map(f -> f.getFileName().toString()).sorted().toList();
                assertEquals(
                        ANSWERED.stream().map(cc -> cc.toLowerCase() + ".gif").toList(),
                        names,
                        "the answered flags, and nothing else");
            }
            for (String cc : ANSWERED) {
                String name = cc.toLowerCase() + ".gif";
                assertArrayEquals(FakeFlags.gif(cc), Files.readAllBytes(out.resolve(name)), "complete file " + name);
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
                "50", // more than any machine gets through before the signal: the bench is always mid-way
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
            if (line.startsWith("async run 1/50: ")) {
                break; // a whole round is recorded; seq's second run is under way
            }
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                .inheritIO()
                .start()
                .waitFor();
        assertTrue(p.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "exited after SIGINT");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String line; (line = stderr.readLine()) != null; ) {
            err.add(line);
        }
        assertEquals(130, p.exitValue(), out + err);
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

        assertTrue(screen.awaitText("/194 flags", BATCH_UNDER_WAY), "the bar was drawn: " + screen.text());
        p.getOutputStream().write(0x03); // Ctrl-C, typed into the terminal
        p.getOutputStream().flush();
        assertTrue(p.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "exited after Ctrl-C: " + screen.text());
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

    /**
     * A script's run: a non-interactive shell starts the background job with SIGINT ignored (so {@code kill -INT}
     * does nothing, and the JVM keeps it ignored), and {@code kill -TERM} stops it as Ctrl-C does: the -v lines of
     * the codes in flight, one line for the codes never started, the partial summary, 143 (128 + TERM).
     */
    @Test
    void sigtermStopsABackgroundJobOfAScriptAsCtrlCDoes() throws Exception {
        Path out = work.resolve("out");
        List<String> command =
                new ArrayList<>(List.of("sh", "-c", "\"$@\" & echo $! >&2; wait $!; echo exit $? >&2", "sh"));
        command.addAll(JarProcess.builder(
                        work,
                        "threads",
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
                        "off",
                        "-v")
                .command());
        Process sh = new ProcessBuilder(command).directory(work.toFile()).start();
        BufferedReader stderr = new BufferedReader(new InputStreamReader(sh.getErrorStream(), StandardCharsets.UTF_8));
        long pid = Long.parseLong(stderr.readLine().trim());
        BufferedReader stdout = new BufferedReader(new InputStreamReader(sh.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; (line = stdout.readLine()) != null; ) {
            lines.add(line);
            if (line.endsWith(" OK")) {
                break; // a first wave has ended, the next is in flight, most codes are queued
            }
        }
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        Matcher ignored = Pattern.compile("(?m)^SigIgn:\\s*(\\p{XDigit}+)$").matcher(status);
        assertTrue(ignored.find(), status);
        assertEquals(1L << 1, Long.parseLong(ignored.group(1), 16) & (1L << 1), "SIGINT (2) is ignored: " + status);

        new ProcessBuilder("kill", "-TERM", Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        assertTrue(sh.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "exited after SIGTERM");
        for (String line; (line = stdout.readLine()) != null; ) {
            lines.add(line);
        }
        String text = String.join("\n", lines);
        List<String> err = new ArrayList<>();
        for (String line; (line = stderr.readLine()) != null; ) {
            err.add(line);
        }
        assertEquals("exit 143", err.get(err.size() - 1), text + err);
        assertTrue(lines.get(lines.size() - 1).startsWith("Elapsed time: "), text);
        Matcher notDone = Pattern.compile("(?m)^\\s*(\\d+) not done \\(interrupted\\)\\.$")
                .matcher(text);
        assertTrue(notDone.find(), text);
        Matcher notStarted = Pattern.compile("(?m)^(\\d+) codes not started \\(interrupted\\)$")
                .matcher(text);
        assertTrue(notStarted.find(), "one line for the queued codes: " + text);
        long stoppedInFlight = lines.stream()
                .filter(l -> l.endsWith(" not done (interrupted)"))
                .count();
        assertEquals(
                Integer.parseInt(notDone.group(1)),
                Integer.parseInt(notStarted.group(1)) + stoppedInFlight,
                "every code not done has its -v line or is counted in the one line: " + text);
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

        boolean awaitText(String wanted, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!text.toString().contains(wanted) && System.nanoTime() < deadline && reader.isAlive()) {
                Thread.sleep(20); // bounded polling of a pipe; nothing here to latch on
            }
            return text.toString().contains(wanted);
        }

        void awaitEnd() throws InterruptedException {
            reader.join(EXIT_LIMIT.toMillis()); // the process has exited: its terminal's output ends
        }

        String text() {
            return text.toString();
        }
    }
}
