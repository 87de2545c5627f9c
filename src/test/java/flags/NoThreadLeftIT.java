package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.ExecuteAndReturn;
import flags.testing.JarProcess;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command that has returned leaves no thread that keeps the JVM alive (no HTTP client's pool, no server, no bar),
 * so a program that calls it and returns from main ends at once. OkHttp's idle dispatcher threads would hold such a
 * JVM for a minute; here {@code main} never calls {@code System.exit}.
 */
@Execution(ExecutionMode.CONCURRENT)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails even if a read blocks
class NoThreadLeftIT {
    /** A thread left behind holds the JVM for a minute (OkHttp's keep-alive): this catches it, and nothing faster. */
    private static final long EXIT_LIMIT_S = 20;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio", "bench", "threads --timeline t.svg"})
    void theJvmEndsWhenTheCommandReturns(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("-l", "3", "--delay", "0", "-o", work.resolve("out").toString()));
        if (command.equals("bench")) {
            args.addAll(List.of("--runs", "1", "--warmup", "0", "--progress", "off"));
        }
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-cp",
                JarProcess.jar().toAbsolutePath() + File.pathSeparator + testClasses(),
                ExecuteAndReturn.class.getName()));
        java.addAll(args);
        Process p = new ProcessBuilder(java)
                .directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader stderr =
                    new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            List<String> err = new ArrayList<>();
            for (String line; (line = stderr.readLine()) != null; ) {
                err.add(line);
                if (line.startsWith("returned ")) {
                    break; // main returns now: from here only a thread left behind can keep the JVM alive
                }
            }
            assertTrue(err.contains("returned 0"), String.join("\n", err));
            assertTrue(p.waitFor(EXIT_LIMIT_S, TimeUnit.SECONDS), "a thread kept the JVM alive after " + command);
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    private static Path testClasses() throws Exception {
        return Path.of(ExecuteAndReturn.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }
}
