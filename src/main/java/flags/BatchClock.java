package flags;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Time since the batch started, so every request's start and end can be placed on one axis. */
public final class BatchClock {
    private final LongSupplier nanoTime;
    private final long startNanos;

    public BatchClock() {
        this(System::nanoTime);
    }

    /** A clock reading {@code nanoTime}; tests pass one that jumps or fails. */
    public BatchClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }
}
