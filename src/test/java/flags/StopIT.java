package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.download.StrategyTable;
import flags.input.Countries;
import flags.testing.HeldRest;
import flags.testing.JarProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * A batch stopped from outside, on the packaged jar: by Ctrl-C (SIGINT), by standard output closing (a pipe into
 * {@code head}) or failing ({@code > /dev/full}). Each ends with every number agreeing, nothing printed after the
 * summary, no temporary file left.
 */
@Execution(ExecutionMode.CONCURRENT) // its cases mostly wait: run four at a time
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a case takes seconds; on a saturated machine, a minute or two
class StopIT {
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

    /** What the last interrupted command wrote on stderr, for the messages of checks made after it. */
    private String stderr = "";

    @ParameterizedTest
    @MethodSource("flags.download.StrategyTable#commands")
    void afterCtrlCVerboseNeverCallsAStoppedCodeAnErrorAndPrintsNothingAfterTheSummary(String command)
            throws Exception {
        List<String> lines = interrupt(command, "-v");
        int elapsed = indexOf(lines, "Elapsed time: ");
        assertEquals(lines.size() - 1, elapsed, "nothing after the summary:\n" + String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("error")), String.join("\n", lines));
        List<String> stopped = lines.stream()
                .filter(l -> l.endsWith(" not done (interrupted)"))
                .map(l -> l.substring(0, 2))
                .toList();
        assertFalse(stopped.isEmpty(), "the downloads in flight say so:\n" + String.join("\n", lines));
        assertTrue(stopped.stream().noneMatch(ANSWERED::contains), "only held codes were stopped: " + stopped);
        assertTrue(lines.containsAll(ANSWERED.stream().map(cc -> cc + " OK").toList()), String.join("\n", lines));
        assertNoTemporaryFiles();
    }

    @ParameterizedTest
    @MethodSource("flags.download.StrategyTable#commands")
    void afterCtrlCTheJsonCountsEveryCodeAndTheTimelineIsWritten(String command) throws Exception {
        Path timeline = work.resolve("t.svg");
        String json = String.join("\n", interrupt(command, "--format", "json", "--timeline", timeline.toString()));
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        long requested = o.get("requested").getAsLong();
        long ok = o.get("ok").getAsLong();
        long notDone = o.get("not_done").getAsLong();
        assertEquals(194, requested);
        assertEquals(ANSWERED.size(), ok, json.substring(0, Math.min(400, json.length())));
        assertEquals(HELD, notDone);
        assertEquals(
                requested, ok + o.get("not_found").getAsLong() + o.get("errors").getAsLong() + notDone);
        List<JsonElement> items = new ArrayList<>();
        o.getAsJsonArray("items").forEach(items::add);
        assertEquals(requested, items.size(), "an item for every code asked for");
        assertEquals(
                notDone,
                items.stream()
                        .filter(i ->
                                i.getAsJsonObject().get("status").getAsString().equals("not_done"))
                        .count());
        assertTrue(Files.exists(timeline), "the timeline was written; stderr: " + stderr);
        assertTrue(
                Files.readString(timeline).contains("class=\"lane\"")
                        || Files.readString(timeline).contains("class='lane'"),
                "a timeline of what ran");
        assertNoTemporaryFiles();
    }

    /**
     * {@code jar | head -3}, the two joined by a pipe as a shell joins them: once head has exited, the held flags are
     * let go, so the command writes another line, which finds the pipe closed; without the held flags, the command
     * could write every line into the pipe's buffer before head exits.
     */
    @Test
    void aClosedPipeStopsTheBatchLikeSigpipe() throws Exception {
        Path out = work.resolve("out");
        try (HeldRest server = HeldRest.start(ANSWERED)) {
            ProcessBuilder jar = JarProcess.builder(
                            work, "seq", "-a", "-v", "-s", server.base().toString(), "-o", out.toString())
                    .redirectError(work.resolve("stderr.txt").toFile());
            ProcessBuilder head = new ProcessBuilder("head", "-3").redirectError(ProcessBuilder.Redirect.INHERIT);
            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(jar, head));
            Process flags = pipeline.get(0);
            Process headProcess = pipeline.get(1);
            String shown = new String(headProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(headProcess.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "head exited");
            server.release(); // whether the command had reached them or had already written into the closed pipe

            assertTrue(flags.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "stopped by the closed pipe");
            String err = Files.readString(work.resolve("stderr.txt"));
            assertEquals(3, shown.lines().count(), shown);
            assertEquals(141, flags.exitValue(), "exits as SIGPIPE would: " + err);
            assertFalse(err.contains("Exception"), err);
            try (Stream<Path> saved = Files.list(out)) {
                assertTrue(saved.count() < 194, "the batch stopped early");
            }
        }
        assertNoTemporaryFiles();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void aFullStandardOutputIsOneLineOnStderrAndExitOne(String format) throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full));
        Process p = JarProcess.builder(
                        work,
                        "threads",
                        "--format",
                        format,
                        "--delay",
                        "0",
                        "--jitter",
                        "0",
                        "-o",
                        work.resolve("out").toString())
                .redirectOutput(full.toFile())
                .start();
        assertTrue(p.waitFor(BATCH_UNDER_WAY.toMillis(), TimeUnit.MILLISECONDS), "a 20-code run ended");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), err);
        assertEquals("flags threads: cannot write standard output: no space left on device\n", err);
    }

    private Path tmp() throws IOException {
        return Files.createDirectories(work.resolve("tmp"));
    }

    /** A PNG is drawn with ImageIO, which must not need a shutdown hook of its own while the JVM shuts down. */
    @Test
    void afterCtrlCAPngTimelineIsWrittenToo() throws Exception {
        Path timeline = work.resolve("t.png");
        interrupt("threads", "-q", "--timeline", timeline.toString());
        assertTrue(Files.exists(timeline), "the timeline was written; stderr: " + stderr);
        byte[] png = Files.readAllBytes(timeline);
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG of what ran");
    }

    /**
     * Starts a 194-code batch against a server that answers the first codes and holds the rest, sends SIGINT once
     * the held requests fill every place the strategy has, returns stdout; checks exit 130 and that it left nothing in
     * the temporary directory.
     */
    private List<String> interrupt(String command, String... options) throws Exception {
        try (HeldRest server = HeldRest.start(ANSWERED)) {
            List<String> args = new ArrayList<>(List.of(
                    command,
                    "-a",
                    "-m",
                    Integer.toString(MAX_REQ),
                    "-s",
                    server.base().toString(),
                    "-o",
                    work.resolve("out").toString(),
                    "--progress",
                    "off"));
            args.addAll(List.of(options));
            Process p = JarProcess.interruptible(
                            work, List.of("-Djava.io.tmpdir=" + tmp()), args.toArray(String[]::new))
                    .redirectError(work.resolve("stderr.txt").toFile())
                    .start();
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int inFlight = StrategyTable.commandDefault(command).create(MAX_REQ).concurrency(HELD);
            assertTrue(server.awaitHeld(inFlight, BATCH_UNDER_WAY), "the held requests came in");
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            assertTrue(p.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "exited after SIGINT");
            List<String> lines = stdout.lines().toList();
            stderr = Files.readString(work.resolve("stderr.txt"));
            assertEquals(130, p.exitValue(), String.join("\n", lines) + "\nstderr: " + stderr);
            // A command that never let go is cut off by its hook ("still stopping after 15 s" on stderr), its summary
            // with it, which each test finds; how soon it exits is bench/ctrlc.sh's to measure, not a test's.
            try (Stream<Path> left = Files.list(tmp())) {
                assertEquals(List.of(), left.toList(), "nothing left in the temporary directory");
            }
            return lines;
        }
    }

    private void assertNoTemporaryFiles() throws Exception {
        Path out = work.resolve("out");
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().allMatch(n -> n.matches("[a-z]{2}\\.gif")), "only whole flags: " + names);
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
