package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.testing.JarProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch stopped from outside, on the packaged jar: by Ctrl-C (SIGINT), by standard output closing (a pipe into
 * {@code head}) or failing ({@code > /dev/full}). Each ends with every number agreeing, nothing printed after the
 * summary, no temporary file left.
 */
@Execution(ExecutionMode.CONCURRENT) // its cases mostly wait: run four at a time
@Timeout(120)
class StopIT {
    /**
     * A stopped command that does not exit fails here; how fast it exits is measured and reported in
     * docs/benchmarks.md, not asserted, since several of these run at once on a busy machine.
     */
    private static final long EXIT_LIMIT_MS = 15_000;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void afterCtrlCVerboseNeverCallsAStoppedCodeAnErrorAndPrintsNothingAfterTheSummary(String command)
            throws Exception {
        List<String> lines = interrupt(command, "-v");
        int elapsed = indexOf(lines, "Elapsed time: ");
        assertEquals(lines.size() - 1, elapsed, "nothing after the summary:\n" + String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("error")), String.join("\n", lines));
        long stopped = lines.stream()
                .filter(l -> l.matches("[A-Z]{2} not done \\(interrupted\\)"))
                .count();
        assertTrue(stopped >= 1, "the downloads in flight say so:\n" + String.join("\n", lines));
        assertNoTemporaryFiles();
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void afterCtrlCTheJsonCountsEveryCodeAndTheTimelineIsWritten(String command) throws Exception {
        Path timeline = work.resolve("t.svg");
        String json = String.join("\n", interrupt(command, "--format", "json", "--timeline", timeline.toString()));
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        long requested = o.get("requested").getAsLong();
        long ok = o.get("ok").getAsLong();
        long notDone = o.get("not_done").getAsLong();
        assertEquals(194, requested);
        assertTrue(ok > 0 && notDone > 0, json.substring(0, Math.min(400, json.length())));
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
        assertTrue(
                Files.readString(timeline).contains("class=\"lane\"")
                        || Files.readString(timeline).contains("class='lane'"),
                "a timeline of what ran");
        assertNoTemporaryFiles();
    }

    @Test
    void aClosedPipeStopsTheBatchWithinASecondLikeSigpipe() throws Exception {
        Path bash = Path.of("/bin/bash");
        Assumptions.assumeTrue(Files.isExecutable(bash));
        String jar = String.join(
                " ",
                JarProcess.builder(
                                work,
                                "seq",
                                "-a",
                                "-v",
                                "--delay",
                                "0.1",
                                "--jitter",
                                "0",
                                "-o",
                                work.resolve("out").toString())
                        .command());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(bash.toString(), "-c", jar + " | head -3; echo \"status ${PIPESTATUS[0]}\" >&2")
                .directory(work.toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("seq -a -v | head -3 took " + tookMs + " ms");
        assertEquals(3, out.lines().count(), out);
        assertTrue(err.contains("status 141"), "exits as SIGPIPE would: " + err);
        assertFalse(err.contains("Exception"), err);
        // 194 codes at 0.1 s each would take 19 s; stopped, the run is JVM start plus a few codes.
        assertTrue(tookMs < 10_000, "stopped early: " + tookMs + " ms");
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
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
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
        byte[] png = Files.readAllBytes(timeline);
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG of what ran");
    }

    /**
     * Starts a 194-code batch, sends SIGINT once some flags are in, returns stdout; checks exit 130, that the command
     * stopped without the hook's time running out and that it left nothing in the temporary directory.
     */
    private List<String> interrupt(String command, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                command,
                "-a",
                "-m",
                "10",
                "--delay",
                "0.4",
                "--jitter", // answers spread out, so the poll below never lands between two waves of ten with
                "0.3", // none in flight: whenever Ctrl-C comes, requests are under way
                "-o",
                work.resolve("out").toString(),
                "--progress",
                "off"));
        args.addAll(List.of(options));
        Process p = JarProcess.interruptible(work, List.of("-Djava.io.tmpdir=" + tmp()), args.toArray(String[]::new))
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Path out = work.resolve("out");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (countFlags(out) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20); // bounded polling of the output directory: the batch is under way
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
                .inheritIO()
                .start()
                .waitFor();
        assertTrue(p.waitFor(EXIT_LIMIT_MS, TimeUnit.MILLISECONDS), "exited after SIGINT");
        List<String> lines = new ArrayList<>();
        for (String line; (line = stdout.readLine()) != null; ) {
            lines.add(line);
        }
        assertEquals(130, p.exitValue(), String.join("\n", lines));
        String err = Files.readString(work.resolve("stderr.txt"));
        assertFalse(err.contains("still stopping"), "the command let go of everything at once: " + err);
        try (Stream<Path> left = Files.list(tmp())) {
            assertEquals(List.of(), left.toList(), "nothing left in the temporary directory");
        }
        return lines;
    }

    private static long countFlags(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".gif"))
                    .count();
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
