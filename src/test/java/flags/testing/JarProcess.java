package flags.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The jar run with these JVM options first (e.g. {@code -Djava.io.tmpdir=...}). */
    public static ProcessBuilder builder(Path workDir, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile());
    }

    /** Like {@link #builder}, with SIGINT at its default disposition whatever the caller's shell did to it. */
    public static ProcessBuilder interruptible(Path workDir, String... args) {
        ProcessBuilder b = builder(workDir, args);
        return b.command(Signals.withDefaultSigint(b.command()));
    }

    public static Result run(Path workDir, Duration limit, String... args) throws IOException, InterruptedException {
        return run(workDir, limit, List.of(), args);
    }

    public static Result run(Path workDir, Duration limit, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        File out = Files.createTempFile("flags-out", ".txt").toFile();
        File err = Files.createTempFile("flags-err", ".txt").toFile();
        try {
            Process p = builder(workDir, jvmOptions, args).redirectOutput(out).redirectError(err).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("flags " + String.join(" ", args) + " did not finish within " + limit);
            }
            return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
