package flags.download;

import java.time.Duration;

/** When one request of a code was open, on the batch clock: from the call starting to run to its body's end. */
public record Attempt(Duration start, Duration end) {}
