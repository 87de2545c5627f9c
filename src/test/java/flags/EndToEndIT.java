package flags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.FakeFlags;
import flags.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged jar as a process: what a user types, what they see, what lands on disk. */
@Timeout(120)
class EndToEndIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void downloadsFromALoopbackServer(String command) throws Exception {
        server.setDispatcher(FakeFlags.allFound().status("XX", 404));
        JarProcess.Result r =
                JarProcess.run(work, LIMIT, command, "-s", server.url("/flags").toString(), "BR", "CN", "XX");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Searching for 3 flags: BR, CN, XX\n"), r.out());
        assertTrue(r.out().contains("  2 flags downloaded.\n  1 not found.\n"), r.out());
        assertArrayEquals(FakeFlags.gif("BR"), Files.readAllBytes(work.resolve("downloaded/br.gif")));
        try (Stream<Path> files = Files.list(work.resolve("downloaded"))) {
            assertEquals(
                    Set.of("br.gif", "cn.gif"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void theDefaultRunUsesTheEmbeddedServerWithNoSetup(String command) throws Exception {
        JarProcess.Result r = JarProcess.run(work, LIMIT, command, "--delay", "0", "--jitter", "0");

        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("EMBEDDED site: http://127\\.0\\.0\\.1:\\d+/flags"), lines.get(0));
        assertEquals("Searching for 20 flags: from BD to VN", lines.get(1));
        assertTrue(lines.contains(" 20 flags downloaded."), r.out());
        try (Stream<Path> files = Files.list(work.resolve("downloaded"))) {
            assertEquals(20, files.filter(p -> p.toString().endsWith(".gif")).count());
        }
        assertEquals("", r.err());
    }

    @Test
    void aUsageErrorIsOneLineAndExitTwo() throws Exception {
        JarProcess.Result r = JarProcess.run(work, LIMIT, "threads", "-m", "0");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(
                List.of(
                        "flags threads: --max-req: expected 1..1000, got '0'",
                        "Try 'flags threads --help' for more information."),
                r.err().lines().toList());
        assertFalse(Files.exists(work.resolve("downloaded")));
    }

    @Test
    void progressOnDrawsABarOnStderrAndLeavesStdoutToTheData() throws Exception {
        JarProcess.Result r = JarProcess.run(
                work, LIMIT, "async", "--progress", "on", "--format", "csv", "--delay", "0.05", "--jitter", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(
                r.out()
                        .startsWith(
                                "strategy,concurrency,requested,ok,not_found,errors,not_done,elapsed_s,max_in_flight\n"),
                r.out());
        assertTrue(r.err().contains("async") && r.err().contains("20/20"), "a bar on stderr: " + r.err());
        assertEquals(1, r.err().split("\n", -1).length - 1, "the finished bar is left once, on one line: " + r.err());
    }

    @Test
    void progressAutoDrawsNothingWhenStderrIsNotATerminal() throws Exception {
        JarProcess.Result r = JarProcess.run(work, LIMIT, "threads", "--delay", "0.05", "--jitter", "0");
        assertEquals(0, r.exitCode());
        assertEquals("", r.err());
    }

    @Test
    void benchLeavesNothingWhereItRunsNorInTheTemporaryDirectory() throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp")); // the JVM's temporary directory, for this run only
        JarProcess.Result r = JarProcess.run(
                work,
                LIMIT,
                List.of("-Djava.io.tmpdir=" + tmp),
                "bench",
                "--delay",
                "0",
                "--runs",
                "1",
                "--warmup",
                "0",
                "-l",
                "3");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nSummary\n"), r.out());
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(tmp), files.toList(), "no downloaded/, nothing at all");
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList(), "the runs' directory is removed");
        }
    }
}
