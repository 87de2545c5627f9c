package flags.download;

import flags.BatchClock;
import flags.Seconds;
import flags.Version;
import flags.http.AttemptLog;
import flags.http.BadAnswerException;
import flags.http.BodySink;
import flags.http.Exchange;
import flags.http.Head;
import flags.http.HttpClients;
import flags.http.OkHttpTransport;
import flags.http.Outgoing;
import flags.http.RedirectInterceptor;
import flags.http.StatusCodes;
import flags.http.StatusException;
import flags.http.Transport;
import flags.store.FileNames;
import flags.store.FlagStore;
import flags.store.ImageSink;
import flags.store.InvalidBodyException;
import flags.store.MetadataSink;
import flags.store.StorageException;
import flags.text.Failures;
import flags.text.Quote;
import flags.text.Redact;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code downloadOne}: the one place where a code's request is built, its answer classified, its body validated
 * and saved, and failed attempts retried. Strategies only decide when to call it, blocking or asynchronously.
 * Whatever happens on one code's path ends as that code's result, its temporary file removed: neither form ever
 * throws or completes exceptionally.
 */
public final class FlagClient {
    private static final Logger LOG = LoggerFactory.getLogger(FlagClient.class);
    private static final String USER_AGENT = "flags/" + Version.current();
    /** A metadata body, read in the charset its head declares. */
    private static final BodyReader<String> COUNTRY_NAME = head -> MetadataSink.of(head.header("Content-Type"));

    private final Transport transport;
    private final DownloadOptions options;
    private final FlagStore store;
    private final RetryPolicy retry;
    private final BatchClock clock;
    private final Set<CompletableFuture<Void>> pauses = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public FlagClient(
            Transport transport, DownloadOptions options, FlagStore store, RetryPolicy retry, BatchClock clock) {
        this.transport = transport;
        this.options = options;
        this.store = store;
        this.retry = retry;
        this.clock = clock;
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
        } catch (RuntimeException e) {
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
                answer = transport.send(request(url, log), new Judging<>(reader, log));
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
                .sendAsync(request(url, log), new Judging<>(reader, log))
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
        trace(url, attempt, answer, beganNanos);
        if (!retry.shouldRetry(answer, attempt) || cancelled) {
            return Optional.empty();
        }
        Duration wait = retry.delay(attempt, answer.retryAfter());
        traceWait(url, attempt, answer, wait);
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

    // ---- classification and validation ----

    /** One request's answer judged: the head decides, the body (for 200 and 203) goes to the reader's sink. */
    private final class Judging<T> implements Exchange<Answer<T>> {
        private final BodyReader<T> reader;
        private final AttemptLog log;
        private int code;
        private Answer<T> decided;

        Judging(BodyReader<T> reader, AttemptLog log) {
            this.reader = reader;
            this.log = log;
        }

        @Override
        public BodySink<Answer<T>> head(Head head) {
            code = head.code();
            if (StatusCodes.savesBody(code)) {
                BodySink<T> body;
                try {
                    body = reader.open(head);
                } catch (IOException e) {
                    decided = bodyFailure(e);
                    return BodySink.ignoring(decided);
                }
                return new BodySink<>() {
                    @Override
                    public void write(ByteBuffer chunk) throws IOException {
                        body.write(chunk);
                    }

                    @Override
                    public Answer<T> end() throws IOException {
                        return Answer.ok(code, body.end());
                    }

                    @Override
                    public IOException abandon(IOException why) {
                        return body.abandon(why);
                    }
                };
            }
            if (code == 404) {
                decided = Answer.notFound(code);
            } else {
                decided = Answer.failed(
                        code,
                        StatusCodes.reason(code, head.reason()),
                        StatusCodes.retryable(code),
                        StatusCodes.retryAfter(log.retryAfter()));
            }
            return BodySink.ignoring(decided);
        }

        @Override
        public Answer<T> failed(IOException e) {
            if (decided != null) {
                return decided;
            }
            return code == 0 ? failure(e) : bodyFailure(e);
        }

        /** A 200's body that could not be used: the reason, with the status it came with. */
        private Answer<T> bodyFailure(IOException e) {
            if (e instanceof InvalidBodyException || e instanceof StorageException || e instanceof BadAnswerException) {
                return Answer.failed(code, e.getMessage(), false, null);
            }
            Answer<T> failed = failure(e);
            return failed.status() == Status.NOT_DONE
                    ? failed
                    : Answer.failed(code, failed.error(), failed.retryable(), null);
        }
    }

    /** An I/O failure of one request, as a reason a user understands and whether asking again could help. */
    private <T> Answer<T> failure(IOException e) {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            return Answer.notDone();
        }
        if (e instanceof StatusException s) {
            return Answer.failed(s.code(), s.getMessage(), false, null);
        }
        if (e instanceof RedirectInterceptor.RedirectException || e instanceof BadAnswerException) {
            return Answer.failed(0, e.getMessage(), false, null);
        }
        if (e instanceof ImageSink.CutShort) {
            return Answer.failed(0, e.getMessage(), true, null);
        }
        if (e instanceof UnknownHostException) {
            // A name that does not resolve now will not resolve a few hundred milliseconds later.
            return Answer.failed(0, "unknown host " + Quote.escape(e.getMessage(), Quote.MAX_SHOWN), false, null);
        }
        if (e instanceof SSLException) {
            return Answer.failed(0, "TLS error: " + e.getMessage(), false, null);
        }
        if (e instanceof InterruptedIOException) {
            return Answer.failed(0, "timeout after " + seconds(transport.timeout()), true, null);
        }
        if (e instanceof SocketException && "SOCKS : authentication failed".equals(e.getMessage())) {
            // The JDK's words for a SOCKS proxy refusing the user name and password: asking again will not help.
            return Answer.failed(0, "SOCKS proxy refused the credentials", false, null);
        }
        if (e instanceof ConnectException) {
            return Answer.failed(0, "connection refused" + address(e), true, null);
        }
        if (e instanceof ProtocolException) {
            return Answer.failed(0, "malformed answer: " + Failures.lowerFirst(e.getMessage()), false, null);
        }
        String how = Failures.cutShort(e);
        if (!how.startsWith("connection ")) {
            LOG.debug("I/O error", e); // --debug: the exception behind a reason we could not put in plain words
        }
        return Answer.failed(
                0, how.startsWith("connection ") ? how + " before an answer" : "I/O error: " + how, true, null);
    }

    /** " (127.0.0.1:8000)" out of OkHttp's "Failed to connect to localhost/127.0.0.1:8000". */
    private static String address(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int to = message.lastIndexOf(' ');
        String where = to < 0 ? "" : message.substring(to + 1);
        where = where.substring(where.indexOf('/') + 1);
        return where.isEmpty() ? "" : " (" + where + ")";
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

    // ---- the end of one code ----

    private DownloadResult finish(String cc, Fetched<Path> flag, Fetched<String> meta, AttemptLog log) {
        Answer<Path> f = flag.answer();
        if (f.status() != Status.OK) {
            return result(cc, f.status(), f.httpStatus(), 0, null, log, flag.url(), f.error());
        }
        Path temp = f.value();
        String fileName = fileName(cc);
        if (meta != null) {
            Answer<String> m = meta.answer();
            if (m.status() != Status.OK) {
                store.discard(temp);
                return result(cc, m.status(), m.httpStatus(), 0, null, log, meta.url(), m.error());
            }
            try {
                fileName = FileNames.forCountry(m.value());
            } catch (IllegalArgumentException e) {
                store.discard(temp);
                return result(cc, Status.ERROR, m.httpStatus(), 0, null, log, meta.url(), e.getMessage());
            }
        }
        options.cpuWork().on(temp, () -> cancelled); // --cpu-work: CPU-bound work on the body, inside the batch
        if (cancelled) {
            store.discard(temp);
            return result(cc, Status.NOT_DONE, f.httpStatus(), 0, null, log, flag.url(), null);
        }
        try {
            long bytes = store.size(temp, fileName);
            Path saved = store.commit(cc, temp, fileName);
            return result(cc, Status.OK, f.httpStatus(), bytes, saved, log, flag.url(), null);
        } catch (StorageException e) {
            store.discard(temp);
            return result(cc, Status.ERROR, f.httpStatus(), 0, null, log, flag.url(), e.getMessage());
        }
    }

    private DownloadResult stopped(String cc, AttemptLog log, HttpUrl url) {
        store.discardAll(cc);
        return result(cc, Status.NOT_DONE, 0, 0, null, log, url, null);
    }

    private DownloadResult crashed(String cc, Throwable cause, AttemptLog log) {
        store.discardAll(cc);
        boolean stopped = cancelled || cause instanceof InterruptedException;
        if (!stopped) {
            LOG.debug("{} failed unexpectedly", cc, cause);
        }
        try {
            return result(
                    cc,
                    stopped ? Status.NOT_DONE : Status.ERROR,
                    0,
                    0,
                    null,
                    log,
                    null,
                    stopped ? null : Failures.unexpected(cause));
        } catch (RuntimeException clockFailed) {
            return new DownloadResult(
                    cc,
                    stopped ? Status.NOT_DONE : Status.ERROR,
                    0,
                    0,
                    null,
                    List.of(),
                    Duration.ZERO,
                    Duration.ZERO,
                    null,
                    stopped ? null : Failures.unexpected(cause));
        }
    }

    private DownloadResult result(
            String cc, Status status, int http, long bytes, Path file, AttemptLog log, HttpUrl url, String error) {
        Duration now = clock.elapsed();
        Duration started = log.firstStart();
        if (status == Status.NOT_DONE && started == null) {
            return DownloadResult.notRun(cc); // stopped before its first request: nothing ran
        }
        return new DownloadResult(
                cc,
                status,
                http,
                bytes,
                file,
                log.attempts(),
                started == null ? now : started,
                now,
                url == null ? null : Redact.url(url),
                error);
    }

    private void discard(Answer<?> answer) {
        if (answer.value() instanceof Path temp) {
            store.discard(temp);
        }
    }

    private static String fileName(String cc) {
        return cc.toLowerCase(Locale.ROOT) + ".gif";
    }

    // ---- tracing (--debug): one line per request and per retry wait, like curl -v's summary lines ----

    private void trace(HttpUrl url, int attempt, Answer<?> answer, long beganNanos) {
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
                    retry.retries() + 1);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private void traceWait(HttpUrl url, int attempt, Answer<?> answer, Duration wait) {
        LOG.debug(
                "GET {}: waiting {} before attempt {} of {} ({})",
                Redact.url(url),
                seconds(wait),
                attempt + 1,
                retry.retries() + 1,
                answer.retryAfter() != null ? "the server's Retry-After" : "backoff after " + answer.error());
    }

    private static String seconds(Duration d) {
        return Seconds.plain(d.truncatedTo(ChronoUnit.MILLIS)) + "s";
    }

    /** Opens the sink a 200's body goes to, given its head: a temporary file for a flag, a buffer for a name. */
    @FunctionalInterface
    private interface BodyReader<T> {
        BodySink<T> open(Head head) throws IOException;
    }

    /** The answer a request ended with, and the URL it asked (the last one, for reports). */
    private record Fetched<T>(Answer<T> answer, HttpUrl url) {
        boolean ok() {
            return answer.status() == Status.OK;
        }
    }
}
