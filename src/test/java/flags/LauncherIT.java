package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/flags}, the launcher users run: it starts from the archive the JVM running it made (a class data
 * archive on JDK 17, an ahead-of-time cache on JDK 24+, side by side), or silently without one.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LauncherIT {
    /**
     * A training run makes a cache in a few seconds of CPU on a quiet machine; on a busy one it gets a small share of
     * the cores and takes many times longer, so only a hang reaches this.
     */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    private static final Path LAUNCHER = Path.of(System.getProperty("flags.launcher", "target/flags"));
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final List<String> ARCHIVE_FILES = List.of(
            "flags",
            "flags.jar",
            "flags.jsa",
            "flags.jsa.id",
            "flags.aot",
            "flags.aot.id",
            "flags.help.aot",
            "flags.help.aot.id");

    @TempDir
    Path work;

    record Run(int exitCode, String out, String err) {}

    @Test
    void picocliAndOurOwnClassesComeFromTheArchive() throws Exception {
        Assumptions.assumeTrue(archiveIsFresh(), "no archive for this jar: built with -Dflags.cds.skip");
        Run run = run(LAUNCHER, Map.of("FLAGS_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "--help");

        assertEquals(0, run.exitCode(), run.err());
        // picocli's class files predate Java 6: a dynamic archive would leave them out, a static one keeps them.
        for (String type : List.of("picocli.CommandLine ", "flags.cli.FlagsCommand ")) {
            String line = sourceOf(run, type);
            assertTrue(line.contains("source: shared objects file"), type + "loaded from the jar: " + line);
        }
    }

    @Test
    void aCopyInAnotherDirectoryRunsSilentlyWithoutTheArchive() throws Exception {
        // The archive names the jar's path; in a copy the JVM must refuse it without a word.
        for (String name : ARCHIVE_FILES) {
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

    @Test
    void anArchiveAnotherJvmMadeIsLeftAlone() throws Exception {
        Path copy = copy();
        Run dump = run(copy.resolve("flags"), Map.of("FLAGS_CDS", "dump"), "--version"); // for the copy's path
        assertEquals(0, dump.exitCode(), dump.err());
        Path id = copy.resolve("flags.jsa.id");
        Files.write(id, List.of(Files.readAllLines(id).get(0) + "-elsewhere"));
        Run run = run(copy.resolve("flags"), Map.of("FLAGS_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "--version");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(sourceOf(run, "flags.cli.FlagsCommand ").contains("flags.jar"), "the archive was used anyway");
    }

    @Test
    void itNeedsNoOtherProgramWhenItIsNoLinkAndJavaIsNamedByItsRealPath() throws Exception {
        // Every program a launcher starts costs a millisecond or so: with no PATH at all it must still start
        // from its archive (readlink is only for symbolic links).
        Assumptions.assumeTrue(archiveIsFresh(), "no archive for this jar: built with -Dflags.cds.skip");
        Assumptions.assumeFalse(Files.isSymbolicLink(Path.of(JAVA)), "this JDK's java is a link");
        Run run = run(
                LAUNCHER,
                Map.of("PATH", work.resolve("empty").toString(), "FLAGS_JAVA_OPTS", "-Xlog:class+load=info:stdout"),
                "--version");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(sourceOf(run, "flags.cli.FlagsCommand ").contains("shared objects file"), run.out());
    }

    @Test
    void aJdk24OrNewerGetsItsOwnAheadOfTimeCacheNextToTheArchive() throws Exception {
        Path newer = newerJdk();
        Assumptions.assumeTrue(newer != null, "no JDK 24+ under /usr/lib/jvm");
        Path copy = copy();
        Files.write(copy.resolve("flags.jsa.id"), List.of("the other JDK's archive, untouched"));
        Run dump = run(copy.resolve("flags"), Map.of("JAVA", newer.toString(), "FLAGS_CDS", "dump"), "--version");
        assertEquals(0, dump.exitCode(), dump.err());
        for (String cache : List.of("flags.aot", "flags.help.aot")) { // the commands', and the help pages'
            assertTrue(Files.size(copy.resolve(cache)) > 0, cache);
            assertEquals(
                    newer.toRealPath().toString(),
                    Files.readAllLines(copy.resolve(cache + ".id")).get(0));
        }
        assertEquals(List.of("the other JDK's archive, untouched"), Files.readAllLines(copy.resolve("flags.jsa.id")));

        Map<String, String> log = Map.of("JAVA", newer.toString(), "FLAGS_JAVA_OPTS", "-Xlog:class+load=info:stdout");
        // Each cache alone in turn: the help page must start from the one of its own, a command from the other.
        Path aside = Files.move(copy.resolve("flags.aot"), work.resolve("flags.aot"));
        Run help = run(copy.resolve("flags"), log, "--help");
        Files.move(aside, copy.resolve("flags.aot"));
        Files.delete(copy.resolve("flags.help.aot"));
        Run command = run(copy.resolve("flags"), log, "seq", "--help");
        for (Run run : List.of(help, command)) {
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.err());
            assertTrue(sourceOf(run, "flags.cli.FlagsCommand ").contains("shared objects file"), run.out());
        }
    }

    @Test
    void onJdk22OrNewerTheJvmDoesNotWaitAtExitForThreadsLeftInNativeCode() throws Exception {
        // The pollers of virtual threads' sockets never leave epoll_wait: by default the JVM waits 300 ms for them.
        Path newer = newerJdk();
        Assumptions.assumeTrue(newer != null, "no JDK 24+ under /usr/lib/jvm");
        Run run =
                run(LAUNCHER, Map.of("JAVA", newer.toString(), "FLAGS_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");

        assertEquals(0, run.exitCode(), run.err());
        String flag = run.out()
                .lines()
                .filter(l -> l.contains(" UserThreadWaitAttemptsAtExit "))
                .findFirst()
                .orElse("(no such flag)");
        assertTrue(flag.matches(".*= 0 .*\\{command line}.*"), flag);
    }

    /** Whether {@code mvn package} made the JDK 17 archive for this very jar (-Dflags.cds.skip leaves an old one). */
    private static boolean archiveIsFresh() throws Exception {
        Path archive = LAUNCHER.resolveSibling("flags.jsa");
        return Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive)
                                .compareTo(Files.getLastModifiedTime(LAUNCHER.resolveSibling("flags.jar")))
                        >= 0;
    }

    /** The launcher and its jar copied to {@code work/copy}, without any archive. */
    private Path copy() throws Exception {
        Path copy = Files.createDirectories(work.resolve("copy"));
        for (String name : List.of("flags", "flags.jar")) {
            Files.copy(LAUNCHER.resolveSibling(name), copy.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return copy;
    }

    /** The java binary of a JDK 24 or newer under /usr/lib/jvm, if there is one. */
    private static Path newerJdk() throws Exception {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (var homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                Path java = home.resolve("bin/java");
                if (Files.isRegularFile(release) && Files.isExecutable(java)) {
                    String version = Files.readAllLines(release).stream()
                            .filter(l -> l.startsWith("JAVA_VERSION="))
                            .findFirst()
                            .orElse("")
                            .replaceAll("[^0-9.]", "");
                    String feature = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
                    if (!feature.isEmpty() && Integer.parseInt(feature) >= 24) {
                        return java;
                    }
                }
            }
        }
        return null;
    }

    private static String sourceOf(Run run, String type) {
        return run.out().lines().filter(l -> l.contains(" " + type)).findFirst().orElse("(not loaded)");
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
        Process p = pb.directory(work.toFile())
                .redirectOutput(out)
                .redirectError(err)
                .start();
        assertTrue(p.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "the launcher finished within " + RUN_LIMIT);
        return new Run(
                p.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
