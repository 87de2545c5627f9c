package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.testing.FakeFlags;
import flags.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Saved flags get the mode of any file the user creates, 0666 minus the umask, like curl's and wget's new files:
 * readable by a web server under the usual 022, private under 077, and so is a file that replaces an older one,
 * whatever mode the older one had.
 */
@Timeout(120)
class FileModeIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path work;

    @ParameterizedTest(name = "umask {0}")
    @CsvSource({"022, rw-r--r--, rw-------", "077, rw-------, rw-r--r--"})
    void savedFilesGetTheUsersMode(String umask, String expected, String older) throws Exception {
        server.setDispatcher(FakeFlags.allFound());
        Path out = Files.createDirectories(work.resolve("downloaded"));
        Path replaced = Files.write(out.resolve("cn.gif"), "GIF89a older".getBytes());
        Files.setPosixFilePermissions(replaced, PosixFilePermissions.fromString(older));

        JarProcess.Result r = JarProcess.run(
                JarProcess.withUmask(
                        umask, work, "threads", "-s", server.url("/flags").toString(), "BR", "CN"),
                LIMIT);

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(
                expected,
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("br.gif"))),
                "a new file");
        assertEquals(
                expected,
                PosixFilePermissions.toString(Files.getPosixFilePermissions(replaced)),
                "a file that replaced one of mode " + older);
        assertEquals(new String(FakeFlags.gif("CN")), Files.readString(replaced));
    }
}
