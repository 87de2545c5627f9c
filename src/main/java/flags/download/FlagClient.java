package flags.download;

import flags.BatchClock;
import flags.Version;
import flags.http.AttemptLog;
import flags.http.BodySink;
import flags.http.Head;
import flags.http.HttpClients;
import flags.http.OkHttpTransport;
import flags.http.Outgoing;
import flags.http.Transport;
import flags.store.FileNames;
import flags.store.FlagStore;
import flags.store.ImageSink;
import flags.store.InvalidBodyException;
import flags.store.MetadataSink;
import flags.store.StorageException;
import flags.text.Failures;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code downloadOne}: the one place where a code's request is built, its answer judged, its body checked and saved,
 * and failed attempts retried; strategies only decide when to call it, blocking or asynchronously.
 */
public final class FlagClient {
    // Whatever happens on one code's path ends as that code's result, its temporary file removed: neither form
    // ever throws or completes exceptionally. Each answer is judged by Judging (an I/O failure worded by
    // IoFailures); each result is built by Ending.

    private static final Logger LOG = LoggerFactory.getLogger(FlagClient.class);
    private static final String USER_AGENT = "flags/" + Version.current();
    /** A metadata body, read in the charset its head declares. */
    private static final BodyReader<String> COUNTRY_NAME = head -> MetadataSink.of(head.header("Content-Type"));

    private final Transport transport;
    private final DownloadOptions options;
    private final FlagStore store;
    private final RetryPolicy retry;
    private final BatchClock clock;
    private final IoFailures failures;
    private final Trace trace;
    private final Set<CompletableFuture<Void>> pauses = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public FlagClient(
            Transport transport, DownloadOptions options, FlagStore store, RetryPolicy retry, BatchClock clock) {
        this.transport = transport;
        this.options = options;
        this.store = store;
        this.retry = retry;
        this.clock = clock;
        this.failures = new IoFailures(() -> cancelled, transport.timeout());
        this.trace = new Trace(retry.retries() + 1);
    }

    /** A client whose bytes move over {@code http}. */
    public FlagClient(
            OkHttpClient http, DownloadOptions options, FlagStore store, RetryPolicy retry, BatchClock clock) {
        this(new OkHttpTransport(http), options, store, retry, clock);
    }

    /**
     * A client for the server at {@code baseUrl} saving into {@code dir} (which must exist), {@code maxInFlight}
     * requests at once, 10 s per request and no retries: for trying the API by hand (JShell, examples/) and tests.
     */
    public static FlagClient forServer(URI baseUrl, Path dir, int maxInFlight) {
        return new FlagClient(
                HttpClients.create(maxInFlight, Duration.ofSeconds(10)),
                new DownloadOptions(HttpUrl.get(baseUrl), DownloadOptions.DEFAULT_MAX_BYTES, false),
                new FlagStore(dir),
                RetryPolicy.standard(0),
                new BatchClock());
    }

    /**
     * Downloads one code, blocking the calling thread (seq, threads): flag, then metadata with {@code --names}.
     * Interrupted, it returns the code as not done and leaves the thread's interrupt status set.
     */
    public DownloadResult downloadOne(String cc) {
        AttemptLog log = new AttemptLog(clock);
        try {
            Fetched<Path> flag = fetch(options.flagUrl(cc), log, head -> imageSink(cc, head));
            Fetched<String> meta =
                    flag.ok() && options.names() ? fetch(options.metadataUrl(cc), log, COUNTRY_NAME) : null;
            return finish(cc, flag, meta, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopped(cc, log, options.flagUrl(cc));
        } catch (RuntimeException | Error e) {
            return crashed(cc, e, log);
        }
    }

    /** The same steps without blocking (async, nio): each request a future, chained with thenCompose. */
    public CompletableFuture<DownloadResult> downloadOneAsync(String cc) {
        AttemptLog log = new AttemptLog(clock);
        try {
            return fetchAsync(options.flagUrl(cc), log, head -> imageSink(cc, head), 1)
                    .thenCompose(flag -> !flag.ok() || !options.names()
                            ? CompletableFuture.completedFuture(finish(cc, flag, null, log))
                            : fetchAsync(options.metadataUrl(cc), log, COUNTRY_NAME, 1)
                                    .thenApply(meta -> finish(cc, flag, meta, log)))
                    .exceptionally(e -> crashed(
                            cc, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e, log));
        } catch (RuntimeException | Error e) { // as downloadOne: a code's failure is its result, never a throw
            return CompletableFuture.completedFuture(crashed(cc, e, log));
        }
    }

    /**
     * Stop: no new request or retry starts, waiting retries end now, every request in flight is cancelled; each code
     * then ends promptly as not done, cleaning up its own temporary file.
     */
    public void cancel() {
        cancelled = true;
        pauses.forEach(p -> p.complete(null));
        transport.cancelAll();
    }

    /** A result for a code whose task failed outside {@code downloadOne} (a crashed or interrupted task). */
    public DownloadResult crashed(String cc, Throwable cause) {
        return crashed(cc, cause, new AttemptLog(clock));
    }

    /** The end of a batch: removes any temporary file no code could clean up. */
    public void finishBatch() {
        store.discardAll();
    }

    // ---- one request, with retries: blocking and non-blocking forms of the same steps ----

    private <T> Fetched<T> fetch(HttpUrl url, AttemptLog log, BodyReader<T> reader) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (cancelled) {
                return new Fetched<>(Answer.notDone(), url);
            }
            long began = System.nanoTime();
            log.nextIsRetry(attempt > 1);
            Answer<T> answer;
            try {
                answer = transport.send(request(url, log), new Judging<>(reader, log, failures));
            } finally {
                log.end();
            }
            if (Thread.interrupted()) {
                discard(answer);
                throw new InterruptedException("interrupted");
            }
            Optional<Duration> wait = retryWait(url, attempt, answer, began);
            if (wait.isEmpty()) {
                return kept(url, answer);
            }
            try {
                pause(wait.get()).get(); // the same wait as async's: cancel() ends it, an interrupt too
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private <T> CompletableFuture<Fetched<T>> fetchAsync(
            HttpUrl url, AttemptLog log, BodyReader<T> reader, int attempt) {
        if (cancelled) {
            return CompletableFuture.completedFuture(new Fetched<>(Answer.notDone(), url));
        }
        long began = System.nanoTime();
        log.nextIsRetry(attempt > 1);
        return transport
                .sendAsync(request(url, log), new Judging<>(reader, log, failures))
                .whenComplete((a, e) -> log.end()) // first: the next request must not seem to overlap this one
                .thenCompose(a -> retryWait(url, attempt, a, began)
                        // The wait is a timer, not a sleeping thread: nothing is held while the backoff runs.
                        .map(wait -> pause(wait).thenCompose(done -> fetchAsync(url, log, reader, attempt + 1)))
                        .orElseGet(() -> CompletableFuture.completedFuture(kept(url, a))));
    }

    /**
     * The one retry decision, for both forms: how long to wait before asking again, or empty to keep {@code answer}.
     * Each attempt and each wait is traced for --debug here.
     */
    private Optional<Duration> retryWait(HttpUrl url, int attempt, Answer<?> answer, long beganNanos) {
        trace.attempt(url, attempt, answer, beganNanos);
        if (!retry.shouldRetry(answer, attempt) || cancelled) {
            return Optional.empty();
        }
        Duration wait = retry.delay(attempt, answer.retryAfter());
        trace.waiting(url, attempt, answer, wait);
        return Optional.of(wait);
    }

    /** The answer a code keeps: an error that a stop caused is not an error but not done. */
    private <T> Fetched<T> kept(HttpUrl url, Answer<T> answer) {
        return new Fetched<>(cancelled && answer.status() == Status.ERROR ? Answer.notDone() : answer, url);
    }

    /** A backoff that cancel() ends at once, so a stopped batch never waits out a Retry-After. */
    private CompletableFuture<Void> pause(Duration wait) {
        CompletableFuture<Void> pause = new CompletableFuture<>();
        pauses.add(pause);
        pause.whenComplete((v, e) -> pauses.remove(pause));
        pause.completeOnTimeout(null, wait.toNanos(), TimeUnit.NANOSECONDS);
        if (cancelled) {
            pause.complete(null);
        }
        return pause;
    }

    private static Outgoing request(HttpUrl url, AttemptLog log) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.put("Accept-Encoding", "gzip"); // asked for here, so that the transport decodes it our way
        if (!url.username().isEmpty()) {
            headers.put("Authorization", Credentials.basic(url.username(), url.password(), StandardCharsets.UTF_8));
        }
        return new Outgoing(url, headers, log);
    }

    /** Where a flag's body goes: a new temporary file, checked as it fills. */
    private BodySink<Path> imageSink(String cc, Head head) throws IOException {
        String target = options.names() ? "the flag of " + cc : fileName(cc);
        if (head.length() > options.maxBytes()) {
            throw new InvalidBodyException(
                    "body of " + head.length() + " bytes is larger than --max-bytes " + options.maxBytes());
        }
        FlagStore.Temp temp = store.create(cc, target);
        return new ImageSink(store, temp, options.maxBytes(), head.length(), head.header("Content-Type"), target);
    }

    // ---- the end of one code: validated, named and saved, or discarded ----

    private DownloadResult finish(String cc, Fetched<Path> flag, Fetched<String> meta, AttemptLog log) {
        return ending(cc, flag, meta).timed(cc, log, clock);
    }

    /** How the code ends once its answers are in: its flag named and saved, or discarded with the reason. */
    private Ending ending(String cc, Fetched<Path> flag, Fetched<String> meta) {
        if (!flag.ok()) {
            return Ending.of(flag);
        }
        Path temp = flag.answer().value();
        int http = flag.answer().httpStatus();
        String fileName = fileName(cc);
        if (meta != null) {
            if (!meta.ok()) {
                store.discard(temp);
                return Ending.of(meta);
            }
            try {
                fileName = FileNames.forCountry(meta.answer().value());
            } catch (IllegalArgumentException e) {
                store.discard(temp);
                return Ending.unsaved(Status.ERROR, meta.answer().httpStatus(), meta.url(), e.getMessage());
            }
        }
        options.cpuWork().on(temp, () -> cancelled); // --cpu-work: CPU-bound work on the body, inside the batch
        if (cancelled) {
            store.discard(temp);
            return Ending.unsaved(Status.NOT_DONE, http, flag.url(), null);
        }
        try {
            long bytes = store.size(temp, fileName);
            return Ending.saved(http, bytes, store.commit(cc, temp, fileName), flag.url());
        } catch (StorageException e) {
            store.discard(temp);
            return Ending.unsaved(Status.ERROR, http, flag.url(), e.getMessage());
        }
    }

    private DownloadResult stopped(String cc, AttemptLog log, HttpUrl url) {
        store.discardAll(cc);
        return Ending.unsaved(Status.NOT_DONE, 0, url, null).timed(cc, log, clock);
    }

    private DownloadResult crashed(String cc, Throwable cause, AttemptLog log) {
        store.discardAll(cc);
        boolean stopped = cancelled || cause instanceof InterruptedException;
        if (!stopped) {
            LOG.debug("{} failed unexpectedly", cc, cause);
        }
        Ending ending = stopped
                ? Ending.unsaved(Status.NOT_DONE, 0, null, null)
                : Ending.unsaved(Status.ERROR, 0, null, Failures.unexpected(cause));
        try {
            return ending.timed(cc, log, clock);
        } catch (RuntimeException clockFailed) {
            return ending.untimed(cc);
        }
    }

    private void discard(Answer<?> answer) {
        if (answer.value() instanceof Path temp) {
            store.discard(temp);
        }
    }

    private static String fileName(String cc) {
        return cc.toLowerCase(Locale.ROOT) + ".gif";
    }
}
