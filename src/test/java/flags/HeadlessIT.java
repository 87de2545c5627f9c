package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar draws its pictures without a display, even where the environment names one. */
@Timeout(60)
class HeadlessIT {
    @TempDir
    Path work;

    @Test
    void aTimelineIsDrawnWhenDisplayNamesAServerThatIsNotThere() throws Exception {
        Path png = work.resolve("timeline.png");
        ProcessBuilder seq = JarProcess.builder(
                work, "seq", "BR", "--delay", "0", "--jitter", "0", "-q", "-o", "out", "--timeline", png.toString());
        seq.environment().put("DISPLAY", ":987"); // a JVM that is not headless would try to reach it, and fail
        JarProcess.Result run = JarProcess.run(seq, Duration.ofSeconds(50));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.size(png) > 0, "an empty picture");
    }
}
