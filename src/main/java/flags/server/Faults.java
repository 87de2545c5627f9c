package flags.server;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;

/**
 * Draws, for each request in the order the server receives them, its wait and whether it fails.
 *
 * <p>One {@link Random} shared by all requests and guarded by this object's lock: with a seed the
 * sequence of draws is reproducible (exactly so for a client that sends one request at a time;
 * with concurrent clients the sequence is the same but which request gets which draw follows their
 * arrival order). Every request takes exactly two draws (error, then jitter) whatever the settings,
 * so the error sequence of a seed does not depend on the delay or jitter.
 */
final class Faults {

    /** What happens to one request. */
    record Draw(long delayNanos, boolean error) {}

    private final long delayNanos;
    private final long jitterNanos;
    private final double errorRate;
    private final Random random; // guarded by this

    Faults(Duration delay, Duration jitter, double errorRate, OptionalLong seed) {
        this.delayNanos = saturatedNanos(delay);
        this.jitterNanos = saturatedNanos(jitter);
        this.errorRate = errorRate;
        this.random = seed.isPresent() ? new Random(seed.getAsLong()) : new Random();
    }

    Draw next() {
        double e;
        double j;
        synchronized (this) {
            e = random.nextDouble();
            j = random.nextDouble();
        }
        long extra = (long) (j * jitterNanos);
        long total = delayNanos + extra < 0 ? Long.MAX_VALUE : delayNanos + extra;
        return new Draw(total, e < errorRate);
    }

    /** The longest wait a request can get, for the connection idle timeout. */
    Duration longestWait() {
        return Duration.ofNanos(delayNanos).plusNanos(jitterNanos);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }
}
