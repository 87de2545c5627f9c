package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.JarProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JShell script of {@code examples/} run as the docs say, on the packaged jar: each prints its lesson and
 * exits 0 only when every check it makes held (a snippet that throws or does not compile skips its check).
 */
@Execution(ExecutionMode.CONCURRENT) // each script has its own server, port and directory; most of a run is CPU
class ExamplesIT {
    private static final Path EXAMPLES = Path.of("examples");

    @TempDir
    Path work;

    static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".jsh")).sorted().toList();
        }
    }

    @Test
    void theChapterHasItsSixScripts() throws IOException {
        assertEquals(
                List.of("callback.jsh", "cancel.jsh", "done.jsh", "exception.jsh", "order.jsh", "timeout.jsh"),
                scripts().stream().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void runsAndExitsZero(Path script) throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        Assumptions.assumeTrue(Files.isExecutable(jshell), "a JDK with jshell");
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        String jar = JarProcess.jar().toAbsolutePath().toString();
        // The snippets run inside JShell's own JVM (--execution local, the jar on its class path too) rather than
        // in a second one it starts, and on C1: the same scripts at half the JVM starts, which is most of their
        // time. .ci/run also runs each the way the docs show, with a second JVM.
        Process p = new ProcessBuilder(
                        jshell.toString(),
                        "--execution",
                        "local",
                        "-J-cp",
                        "-J" + jar,
                        "-J-XX:TieredStopAtLevel=1",
                        "--class-path",
                        jar,
                        script.toAbsolutePath().toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean exited = p.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            p.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(exited, script + " did not finish:\n" + text);
        assertEquals(0, p.exitValue(), script + ":\n" + text);
        assertFalse(text.contains("FAILED"), text);
        assertFalse(text.contains("Exception java."), "no snippet threw:\n" + text);
    }
}
