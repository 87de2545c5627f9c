package flags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.JarProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
}
