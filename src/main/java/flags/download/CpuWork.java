package flags.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** {@code --cpu-work}: after each download, the same fixed amount of CPU-bound work on its body, for every strategy. */
public final class CpuWork {
    /** No work at all: the default. */
    public static final CpuWork NONE = new CpuWork(Duration.ZERO, 0);

    private static final int CALIBRATION_BUFFER = 8 * 1024;
    /** Long enough for the JIT to compile the hash loop before it is timed. */
    private static final Duration WARM_UP = Duration.ofMillis(15);

    private static final long TIMED_BYTES = 4L * 1024 * 1024;
    private static final int TIMED_ROUNDS = 5;
    /** How often (in bytes hashed) the loop looks whether the batch was stopped. */
    private static final long CANCEL_CHECK_BYTES = 256 * 1024;

    private final Duration perCode;
    // Calibrated once, on the calling thread's CPU clock, to take perCode of one core; the work itself never looks
    // at a clock, so on a busy CPU it takes longer in wall time, exactly as real parsing or resizing would.
    private final long bytesPerCode;

    private CpuWork(Duration perCode, long bytesPerCode) {
        this.perCode = perCode;
        this.bytesPerCode = bytesPerCode;
    }

    /** Work worth {@code perCode} of one core, measured now on this thread (~40 ms); {@link #NONE} for zero. */
    public static CpuWork calibrated(Duration perCode) {
        if (perCode.isZero()) {
            return NONE;
        }
        if (perCode.isNegative()) {
            throw new IllegalArgumentException("CPU work must not be negative: " + perCode);
        }
        byte[] buffer = new byte[CALIBRATION_BUFFER];
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (byte) (i * 31 + 7);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported() && threads.getCurrentThreadCpuTime() >= 0;
        long warmUpEnd = now(threads, cpuClock) + WARM_UP.toNanos();
        long h = 0;
        while (now(threads, cpuClock) < warmUpEnd) {
            h = hash(buffer, CALIBRATION_BUFFER * 16L, h, () -> false);
        }
        // The fastest of a few rounds: another process or the hypervisor can only make a round look slower, and a
        // calibration that is too slow would make every code's work too short.
        double bytesPerNano = 0;
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            long began = now(threads, cpuClock);
            h = hash(buffer, TIMED_BYTES, h, () -> false);
            long took = Math.max(1, now(threads, cpuClock) - began);
            bytesPerNano = Math.max(bytesPerNano, TIMED_BYTES / (double) took);
        }
        use(h);
        return new CpuWork(perCode, Math.max(1, Math.round(bytesPerNano * perCode.toNanos())));
    }

    /** How much CPU each code's work was calibrated to take on one core. */
    public Duration perCode() {
        return perCode;
    }

    /** The bytes each code hashes (its body over and over); 0 for no work. */
    long bytesPerCode() {
        return bytesPerCode;
    }

    /**
     * Does one code's work on the file at {@code body}, stopping early when {@code stopped} says so (Ctrl-C must not
     * wait for a long --cpu-work). Reading back the file just written failing is unexpected: an unchecked error
     * that ends the code as an error.
     */
    void on(Path body, BooleanSupplier stopped) {
        if (bytesPerCode == 0) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + body.getFileName() + " for --cpu-work", e);
        }
        use(hash(bytes.length == 0 ? new byte[1] : bytes, bytesPerCode, bytes.length, stopped));
    }

    /** FNV-1a over {@code bytes} again and again until {@code total} bytes are hashed; each round seeds the next. */
    // A hash and not a digest: SHA-256 became ten times faster midway through a run once the JIT swapped in its
    // intrinsic, and a calibration must not go stale.
    static long hash(byte[] bytes, long total, long seed, BooleanSupplier stopped) {
        long h = seed ^ 0xcbf29ce484222325L;
        long done = 0;
        long nextCheck = CANCEL_CHECK_BYTES;
        while (done < total) {
            for (byte b : bytes) {
                h = (h ^ b) * 0x100000001b3L;
            }
            done += bytes.length;
            if (done >= nextCheck) {
                if (stopped.getAsBoolean()) {
                    break;
                }
                nextCheck += CANCEL_CHECK_BYTES;
            }
        }
        return h;
    }

    /** A hash nobody reads could be optimised away with its loop; a branch on its value cannot. */
    private static void use(long h) {
        if (h == 0x5eed_f1a9L) {
            Thread.onSpinWait();
        }
    }

    private static long now(ThreadMXBean threads, boolean cpuClock) {
        return cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
