package flags.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code target/flags.jar} as a separate process, the way a user does. */
public final class JarProcess {
    public record Result(int exitCode, String out, String err) {}

    private JarProcess() {}

    public static Path jar() {
        Path jar = Path.of(System.getProperty("flags.jar", "target/flags.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged jar at " + jar + ": run mvn verify");
        }
        return jar;
    }

    public static ProcessBuilder builder(Path workDir, String... args) {
        return builder(workDir, List.of(), args);
    }

    /**
     * The jar run with these JVM options first (e.g. {@code -Djava.io.tmpdir=...}), started as the launcher starts
     * it: from the build's class data archive when there is one (a JVM that did not make it ignores it, silently),
     * and on C1 only except for bench and serve. A process then costs about half a second of CPU less, which is
     * what lets the end-to-end tests run side by side.
     */
    public static ProcessBuilder builder(Path workDir, List<String> jvmOptions, String... args) {
        return builderFor(jar(), workDir, jvmOptions, args);
    }

    /**
     * Like {@link #builder}, running {@code jar} instead: a copy made by {@link #copyForEveryone}. A copy has no
     * class data archive, unless one is made for it.
     */
    public static ProcessBuilder builderFor(Path jar, Path workDir, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path archive = jar.resolveSibling("flags.jsa");
        if (Runtime.version().feature() < 24 && Files.isRegularFile(archive)) {
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds*=off"));
        }
        if (args.length == 0 || !List.of("bench", "serve").contains(args[0])) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile());
    }

    /**
     * The packaged jar copied into a new directory in {@code parent}, both readable by every user: a test running
     * the jar as another user must not depend on where the checkout is, which may be a private directory.
     */
    public static Path copyForEveryone(Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "jar");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = Files.copy(jar(), dir.resolve("flags.jar"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        return copy;
    }

    /** Like {@link #builder}, with SIGINT at its default disposition whatever the caller's shell did to it. */
    public static ProcessBuilder interruptible(Path workDir, String... args) {
        return interruptible(workDir, List.of(), args);
    }

    /** Like {@link #interruptible(Path, String...)}, with these JVM options first. */
    public static ProcessBuilder interruptible(Path workDir, List<String> jvmOptions, String... args) {
        ProcessBuilder b = builder(workDir, jvmOptions, args);
        return b.command(Signals.withDefaultSigint(b.command()));
    }

    public static Result run(Path workDir, Duration limit, String... args) throws IOException, InterruptedException {
        return run(builder(workDir, args), limit);
    }

    /** The same with JVM options before {@code -jar}. */
    public static Result run(Path workDir, Duration limit, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        return run(builder(workDir, jvmOptions, args), limit);
    }

    /**
     * Like {@link #builder}, started by {@code sh -c 'umask UMASK; exec java -jar ...'}: the file mode creation
     * mask is a property of a process, which only the process itself (or its shell) can set.
     */
    public static ProcessBuilder withUmask(String umask, Path workDir, String... args) {
        ProcessBuilder b = builder(workDir, args);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + "; exec \"$0\" \"$@\""));
        command.addAll(b.command());
        return b.command(command);
    }

    /** Runs a process built by {@link #builder} (its environment changed, say) and captures its output. */
    public static Result run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        File out = Files.createTempFile("flags-out", ".txt").toFile();
        File err = Files.createTempFile("flags-err", ".txt").toFile();
        try {
            Process p = builder.redirectOutput(out).redirectError(err).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", builder.command()) + " did not finish within " + limit);
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
