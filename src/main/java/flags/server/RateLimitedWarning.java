package flags.server;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One warning line at most per interval, however often its cause repeats (an accept loop that fails with
 * "Too many open files" would otherwise log many times a second); the next line says how many were skipped.
 */
final class RateLimitedWarning {

    private final Consumer<String> log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long lastNanos; // guarded by this
    private boolean warned; // guarded by this
    private long skipped; // guarded by this

    /** Lines go to {@code log}, e.g. {@code LOG::warn}. */
    RateLimitedWarning(Consumer<String> log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    RateLimitedWarning(Consumer<String> log, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Logs {@code message} unless a line went out less than an interval ago; returns whether it did. */
    boolean warn(String message) {
        String line;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (warned && now - lastNanos < intervalNanos) {
                skipped++;
                return false;
            }
            line = skipped == 0 ? message : message + " (" + skipped + " more since the last such warning)";
            warned = true;
            lastNanos = now;
            skipped = 0;
        }
        log.accept(line);
        return true;
    }
}
