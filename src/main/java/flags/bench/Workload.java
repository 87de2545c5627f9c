package flags.bench;

import java.time.Duration;

/**
 * What every strategy downloads: from which server, how many codes, and, for the embedded server only, the
 * delay and jitter each answer waits (null for another server, whose timing is unknown).
 *
 * @param requestsPerCode 1, or 2 with {@code --names} (flag, then metadata, one after the other)
 */
public record Workload(String server, Duration delay, Duration jitter, int codes, int requestsPerCode) {
    public Workload {
        if ((delay == null) != (jitter == null)) {
            throw new IllegalArgumentException("delay and jitter are both known or both unknown");
        }
        if (codes < 0 || requestsPerCode < 1) {
            throw new IllegalArgumentException("codes " + codes + ", requests per code " + requestsPerCode);
        }
    }
}
