package flags;

import java.time.Duration;

/**
 * When one request of a code was open, on the batch clock: from the call starting to run to its body's end, and
 * whether it was a retry of the request before it (with {@code --names} a code makes two requests, neither a retry).
 */
public record Attempt(Duration start, Duration end, boolean retry) {
    public Attempt(Duration start, Duration end) {
        this(start, end, false);
    }
}
