package flags.download;

import java.time.Duration;

/** Time since the batch started, so every request's start and end can be placed on one axis. */
public final class BatchClock {
    private final long startNanos = System.nanoTime();

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
