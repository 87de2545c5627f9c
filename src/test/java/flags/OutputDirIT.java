package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output directory that exists but cannot be written is a usage error with the OS's reason, decided before
 * the header: a read-only mount, and (for a user who is not root, who can write anywhere) a directory that is
 * not theirs or that has no x bit.
 */
@Timeout(60)
class OutputDirIT {
    @TempDir
    Path work;

    record Run(int exit, String out, String err) {}

    @Test
    void aReadOnlyFileSystemSaysSo() throws Exception {
        Path unshare = Path.of("/usr/bin/unshare");
        Assumptions.assumeTrue(Files.isExecutable(unshare), "needs util-linux unshare");
        Path dir = Files.createDirectory(work.resolve("ro"));
        // A private mount namespace: the read-only tmpfs is seen by this command only, and gone with it.
        String jar = String.join(
                " ", JarProcess.builder(work, "seq", "BR", "-o", dir.toString()).command());
        Run run = run(
                List.of(unshare.toString(), "-m", "sh", "-c", "mount -t tmpfs -o ro tmpfs " + dir + " && exec " + jar));
        Assumptions.assumeFalse(
                run.err().contains("mount:") || run.err().contains("unshare:"), "cannot mount here: " + run.err());
        assertEquals(2, run.exit(), run.err());
        assertEquals("flags seq: cannot write in output '" + dir + "': read-only file system", firstLine(run.err()));
        assertEquals("", run.out(), "decided before the header");
    }

    @Test
    void aDirectoryOfAnotherUserOrWithoutTheXBitIsPermissionDenied() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        Assumptions.assumeTrue(
                Files.isExecutable(setpriv) && "root".equals(System.getProperty("user.name")),
                "needs root and util-linux setpriv to run as nobody");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Assumptions.assumeTrue(
                everyoneCanEnter(work.getParent()),
                "nobody cannot reach " + work + ": the temporary directory is in a private one");
        Path jar = JarProcess.copyForEveryone(work); // the checkout, and target/flags.jar in it, may be private
        Path theirs = Files.createDirectory(work.resolve("root-owned"));
        Path noX = Files.createDirectory(work.resolve("no-x"));
        Files.setPosixFilePermissions(noX, PosixFilePermissions.fromString("rw-rw-rw-"));
        new ProcessBuilder("chown", "nobody", noX.toString())
                .inheritIO()
                .start()
                .waitFor();
        for (Path dir : List.of(theirs, noX)) {
            List<String> command =
                    new ArrayList<>(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups"));
            command.addAll(JarProcess.builderFor(jar, work, List.of(), "threads", "BR", "-o", dir.toString())
                    .command());
            Run run = run(command);
            assertEquals(2, run.exit(), dir + ": " + run.err());
            assertEquals(
                    "flags threads: cannot write in output '" + dir + "': permission denied", firstLine(run.err()));
            assertEquals("", run.out());
        }
    }

    /** Whether every directory from the root down to {@code dir} lets other users through (their x bit). */
    private static boolean everyoneCanEnter(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            if (!Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private Run run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(work.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Run(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }
}
