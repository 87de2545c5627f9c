package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class CpuWorkTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private Path body() throws Exception {
        return Files.write(dir.resolve("br.gif"), bytes(6000));
    }

    @Test
    void oneCodesWorkUsesAboutTheCalibratedCpuTime() throws Exception {
        CpuWork work = CpuWork.calibrated(Duration.ofMillis(80));
        Path body = body();
        work.on(body, () -> false); // the JIT settles on the loop as the first codes of a batch would
        long before = THREADS.getCurrentThreadCpuTime();
        work.on(body, () -> false);
        double ms = (THREADS.getCurrentThreadCpuTime() - before) / 1e6;
        // A lower bound only: a busy machine can make the same work take more CPU time, never much less.
        assertTrue(ms >= 40, "80 ms of work took " + ms + " ms of CPU");
        assertEquals(Duration.ofMillis(80), work.perCode());
    }

    @Test
    void noWorkDoesNotEvenReadTheFile() {
        assertSame(CpuWork.NONE, CpuWork.calibrated(Duration.ZERO));
        CpuWork.NONE.on(dir.resolve("missing.gif"), () -> false);
        assertEquals(0, CpuWork.NONE.bytesPerCode());
    }

    @Test
    void aStoppedBatchDoesNotWaitForTheWork() throws Exception {
        CpuWork minute = CpuWork.calibrated(Duration.ofMinutes(1));
        long before = THREADS.getCurrentThreadCpuTime();
        minute.on(body(), () -> true);
        assertTrue(THREADS.getCurrentThreadCpuTime() - before
                < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void theWorkGrowsWithTheTimeAsked() {
        long small = CpuWork.calibrated(Duration.ofMillis(10)).bytesPerCode();
        long large = CpuWork.calibrated(Duration.ofMillis(100)).bytesPerCode();
        assertTrue(large > 5 * small, small + " bytes for 10 ms, " + large + " for 100 ms");
    }

    @Test
    void theHashDependsOnEveryByteAndTheSeed() {
        byte[] a = bytes(100);
        byte[] b = a.clone();
        b[99] ^= 1;
        assertEquals(CpuWork.hash(a, 1000, 7, () -> false), CpuWork.hash(a.clone(), 1000, 7, () -> false));
        assertNotEquals(CpuWork.hash(a, 1000, 7, () -> false), CpuWork.hash(b, 1000, 7, () -> false));
        assertNotEquals(CpuWork.hash(a, 1000, 7, () -> false), CpuWork.hash(a, 1000, 8, () -> false));
    }

    @Test
    void negativeWorkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CpuWork.calibrated(Duration.ofMillis(-1)));
    }

    /** Bytes that vary, so no two positions hash alike by accident. */
    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 131 + 17);
        }
        return b;
    }
}
