package flags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.JarProcess;
import flags.testing.Signals;
import java.io.BufferedReader;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGINT to the packaged jar mid-batch: partial summary, exit 130, promptly, nothing partial left behind. */
@Timeout(120)
class CtrlCIT {
    /** Generous against a busy CI machine; the measured times are reported in docs/ and stay well under 1 s. */
    private static final long EXIT_LIMIT_MS = 3_000;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async"})
    void ctrlCStopsTheBatchPrintsThePartialSummaryAndExits130(String command) throws Exception {
        Path out = work.resolve("out");
        Process p = JarProcess.interruptible(work, command, "-a", "-m", "10", "--delay", "0.5", "--jitter", "0",
                "-o", out.toString(), "--progress", "off").redirectErrorStream(false).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; lines.size() < 3 && (line = stdout.readLine()) != null; ) {
            lines.add(line); // the header: the batch has started
        }
        Thread.sleep(1_200); // let some downloads finish and others be in flight

        long sent = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
        assertTrue(p.waitFor(EXIT_LIMIT_MS, TimeUnit.MILLISECONDS), "exited after SIGINT");
        long tookMs = (System.nanoTime() - sent) / 1_000_000;
        System.out.println(command + ": exited " + tookMs + " ms after SIGINT");

        for (String line; (line = stdout.readLine()) != null; ) {
            lines.add(line);
        }
        String text = String.join("\n", lines);
        assertEquals(130, p.exitValue(), text);
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

    /**
     * In a real terminal the progress bar is on; progressbar once opened a JLine terminal there, which took
     * SIGINT over and killed the JVM without the partial summary. {@code script} gives the jar a terminal.
     */
    @Test
    void ctrlCInATerminalWithTheProgressBarStillPrintsThePartialSummary() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "needs util-linux script for a pseudo-terminal");
        Path out = work.resolve("out");
        String command = String.join(" ", JarProcess.builder(work, "threads", "-a", "-m", "5", "--delay", "0.5",
                "--jitter", "0", "-o", out.toString()).command());
        Path typescript = work.resolve("typescript.txt");
        Process p = new ProcessBuilder(Signals.withDefaultSigint(
                List.of(script.toString(), "-qfec", command, typescript.toString())))
                .directory(work.toFile()).redirectErrorStream(true).start();
        ProcessHandle java = null;
        for (int i = 0; i < 200 && java == null; i++) { // bounded: up to 10 s for the JVM to appear
            java = p.toHandle().descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("flags.jar")).findFirst().orElse(null);
            Thread.sleep(50);
        }
        assertTrue(java != null, "the jar runs under script");
        Thread.sleep(2_000); // the bar is drawing, downloads are in flight
        new ProcessBuilder("kill", "-INT", Long.toString(java.pid())).inheritIO().start().waitFor();
        assertTrue(p.waitFor(EXIT_LIMIT_MS, TimeUnit.MILLISECONDS), "exited after SIGINT");
        String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(130, p.exitValue(), screen);
        assertTrue(screen.contains("not done (interrupted)."), screen);
        assertTrue(screen.contains("threads") && screen.contains("/194 flags"), "the bar was drawn: " + screen);
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().matches("[a-z]{2}\\.gif")), "no temporary files");
        }
    }
}
