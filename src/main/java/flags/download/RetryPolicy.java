package flags.download;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to ask again: exponential backoff with "equal jitter" (half fixed, half random, so the wait grows
 * every attempt yet clients do not retry in lockstep), or the server's {@code Retry-After}, capped.
 */
public record RetryPolicy(int retries, Duration base, Duration cap, DoubleSupplier random) {
    public static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(10);

    public static RetryPolicy standard(int retries) {
        return new RetryPolicy(
                retries,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Whether a failed answer after {@code attempt} attempts deserves another. */
    boolean shouldRetry(Answer<?> answer, int attempt) {
        return answer.retryable() && attempt <= retries;
    }

    /** How long to wait before attempt {@code attempt + 1}. */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.isNegative() ? Duration.ZERO : min(retryAfter, RETRY_AFTER_CAP);
        }
        Duration exp = min(base.multipliedBy(1L << Math.min(attempt - 1, 20)), cap);
        Duration half = exp.dividedBy(2);
        return half.plus(Duration.ofNanos((long) (half.toNanos() * random.getAsDouble())));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
