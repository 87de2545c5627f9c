package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code target/flags}, the launcher users run: it starts from the class data archive, or silently without it. */
@Timeout(60)
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("flags.launcher", "target/flags"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;

    record Run(int exitCode, String out, String err) {}

    @Test
    void picocliAndOurOwnClassesComeFromTheArchive() throws Exception {
        Path archive = LAUNCHER.resolveSibling("flags.jsa");
        Assumptions.assumeTrue(Files.isRegularFile(archive), "no archive: built with -Dflags.cds.skip");
        Run run = run(LAUNCHER, Map.of("FLAGS_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "--help");

        assertEquals(0, run.exitCode(), run.err());
        // picocli's class files predate Java 6: a dynamic archive would leave them out, a static one keeps them.
        for (String type : List.of("picocli.CommandLine ", "flags.cli.FlagsCommand ")) {
            String line = run.out().lines().filter(l -> l.contains(" " + type)).findFirst().orElse("(not loaded)");
            assertTrue(line.contains("source: shared objects file"), type + "loaded from the jar: " + line);
        }
    }

    @Test
    void aCopyInAnotherDirectoryRunsSilentlyWithoutTheArchive() throws Exception {
        // The archive names the jar's path; in a copy the JVM must refuse it without a word.
        for (String name : List.of("flags", "flags.jar", "flags.jsa", "flags.jsa.id")) {
            Path from = LAUNCHER.resolveSibling(name);
            if (Files.exists(from)) {
                Files.copy(from, work.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Run run = run(work.resolve("flags"), Map.of(), "--version");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("flags "), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aSymbolicLinkInAnotherDirectoryStartsTheJarItPointsAt() throws Exception {
        Path bin = Files.createDirectory(work.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("flags"), LAUNCHER.toAbsolutePath());
        Run run = run(link, Map.of(), "--version");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("flags "), run.out());
        assertEquals("", run.err());
    }

    private Run run(Path launcher, Map<String, String> env, String... args) throws Exception {
        File out = work.resolve("out.txt").toFile();
        File err = work.resolve("err.txt").toFile();
        ProcessBuilder pb = new ProcessBuilder(launcher.toAbsolutePath().toString());
        pb.command().addAll(List.of(args));
        pb.environment().remove("FLAGS_CDS");
        pb.environment().remove("FLAGS_JAVA_OPTS");
        pb.environment().put("JAVA", JAVA); // the JVM the build made the archive with
        pb.environment().putAll(env);
        Process p = pb.directory(work.toFile()).redirectOutput(out).redirectError(err).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
        return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
