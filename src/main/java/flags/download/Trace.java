package flags.download;

import flags.Seconds;
import flags.text.Redact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The --debug trace of a client: one line per request and per retry wait, like curl -v's summary lines. */
final class Trace {
    // The client's logger: --debug shows one client's story under one name, whichever class tells it.
    private static final Logger LOG = LoggerFactory.getLogger(FlagClient.class);

    private final int tries;

    /** A trace that counts attempts out of {@code tries}, the first request and its retries. */
    Trace(int tries) {
        this.tries = tries;
    }

    void attempt(HttpUrl url, int attempt, Answer<?> answer, long beganNanos) {
        if (LOG.isDebugEnabled()) {
            String outcome = switch (answer.status()) {
                case OK ->
                    answer.httpStatus() + " ok"
                            + (answer.value() instanceof Path temp ? ", " + size(temp) + " bytes" : "");
                case NOT_FOUND -> answer.httpStatus() + " not found";
                case ERROR -> (answer.httpStatus() == 0 ? "" : answer.httpStatus() + " ") + "error: " + answer.error();
                case NOT_DONE -> "stopped";
            };
            LOG.debug(
                    "GET {} -> {} in {} ms (attempt {} of {})",
                    Redact.url(url),
                    outcome,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beganNanos),
                    attempt,
                    tries);
        }
    }

    void waiting(HttpUrl url, int attempt, Answer<?> answer, Duration wait) {
        LOG.debug(
                "GET {}: waiting {} before attempt {} of {} ({})",
                Redact.url(url),
                seconds(wait),
                attempt + 1,
                tries,
                answer.retryAfter() != null ? "the server's Retry-After" : "backoff after " + answer.error());
    }

    /** "1.5s": a duration as the trace and the reasons show it, to the millisecond. */
    static String seconds(Duration d) {
        return Seconds.plain(d.truncatedTo(ChronoUnit.MILLIS)) + "s";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
