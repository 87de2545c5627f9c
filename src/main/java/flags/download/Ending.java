package flags.download;

import flags.Attempt;
import flags.BatchClock;
import flags.http.AttemptLog;
import flags.text.Redact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * How one code ends, before it is timed: the one place a {@link DownloadResult} is built, so that a saved flag, a
 * failure and a crash all report their requests, times and URL alike.
 */
record Ending(Status status, int httpStatus, long bytes, Path file, HttpUrl url, String error) {

    static Ending saved(int httpStatus, long bytes, Path file, HttpUrl url) {
        return new Ending(Status.OK, httpStatus, bytes, file, url, null);
    }

    static Ending unsaved(Status status, int httpStatus, HttpUrl url, String error) {
        return new Ending(status, httpStatus, 0, null, url, error);
    }

    /** The answer a request ended with, when the code ends there. */
    static Ending of(Fetched<?> fetched) {
        Answer<?> a = fetched.answer();
        return unsaved(a.status(), a.httpStatus(), fetched.url(), a.error());
    }

    /** The result, timed from the code's first request to now; a code stopped before any request never ran. */
    DownloadResult timed(String cc, AttemptLog log, BatchClock clock) {
        Duration now = clock.elapsed();
        Duration started = log.firstStart();
        if (status == Status.NOT_DONE && started == null) {
            return DownloadResult.notRun(cc);
        }
        return result(cc, log.attempts(), started == null ? now : started, now);
    }

    /** The result when even the clock failed: no requests and no times can be told. */
    DownloadResult untimed(String cc) {
        return result(cc, List.of(), Duration.ZERO, Duration.ZERO);
    }

    private DownloadResult result(String cc, List<Attempt> requests, Duration started, Duration ended) {
        return new DownloadResult(
                cc,
                status,
                httpStatus,
                bytes,
                file,
                requests,
                started,
                ended,
                url == null ? null : Redact.url(url),
                error);
    }
}
