package flags.download;

import java.time.Duration;

/**
 * What one request produced: a value when ok, or why not. {@code retryable} says whether asking again could
 * help (I/O errors, timeouts, 408, 429, 5xx); {@code retryAfter} is the server's {@code Retry-After}, if any.
 */
record Answer<T>(Status status, int httpStatus, T value, String error, boolean retryable, Duration retryAfter) {

    static <T> Answer<T> ok(int httpStatus, T value) {
        return new Answer<>(Status.OK, httpStatus, value, null, false, null);
    }

    static <T> Answer<T> notFound(int httpStatus) {
        return new Answer<>(Status.NOT_FOUND, httpStatus, null, null, false, null);
    }

    static <T> Answer<T> failed(int httpStatus, String error, boolean retryable, Duration retryAfter) {
        return new Answer<>(Status.ERROR, httpStatus, null, error, retryable, retryAfter);
    }

    /** Stopped by Ctrl-C or a closed standard output: not an error, and never retried. */
    static <T> Answer<T> notDone() {
        return new Answer<>(Status.NOT_DONE, 0, null, null, false, null);
    }
}
