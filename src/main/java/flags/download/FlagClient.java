package flags.download;

import flags.Seconds;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
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
    private static final long MAX_METADATA_BYTES = 64 * 1024;
    private static final String USER_AGENT = "flags/" + Version.current();

    private final OkHttpClient http;
    private final DownloadOptions options;
    private final FlagStore store;
    private final RetryPolicy retry;
    private final BatchClock clock;
    private final Set<CompletableFuture<Void>> pauses = ConcurrentHashMap.newKeySet();
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public FlagClient(
            OkHttpClient http, DownloadOptions options, FlagStore store, RetryPolicy retry, BatchClock clock) {
        this.http = http;
        this.options = options;
        this.store = store;
        this.retry = retry;
        this.clock = clock;
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
            Fetched<Path> flag = fetch(options.flagUrl(cc), log, response -> readImage(cc, response));
            Fetched<String> meta =
                    flag.ok() && options.names() ? fetch(options.metadataUrl(cc), log, this::readCountryName) : null;
            return finish(cc, flag, meta, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopped(cc, log, options.flagUrl(cc));
        } catch (RuntimeException | Error e) {
            return crashed(cc, e, log);
        }
    }

    /** The same steps without blocking (async): each request is an enqueued call, chained with thenCompose. */
    public CompletableFuture<DownloadResult> downloadOneAsync(String cc) {
        AttemptLog log = new AttemptLog(clock);
        try {
            return fetchAsync(options.flagUrl(cc), log, response -> readImage(cc, response), 1)
                    .thenCompose(flag -> !flag.ok() || !options.names()
                            ? CompletableFuture.completedFuture(finish(cc, flag, null, log))
                            : fetchAsync(options.metadataUrl(cc), log, this::readCountryName, 1)
                                    .thenApply(meta -> finish(cc, flag, meta, log)))
                    .exceptionally(e -> crashed(
                            cc, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e, log));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(crashed(cc, e, log));
        }
    }

    /**
     * Stop: no new request or retry starts, waiting retries end now, every call in flight is cancelled; each code
     * then ends promptly as not done, cleaning up its own temporary file.
     */
    public void cancel() {
        cancelled = true;
        pauses.forEach(p -> p.complete(null));
        calls.forEach(Call::cancel); // also those made but not yet handed to the dispatcher
        http.dispatcher().cancelAll();
    }

    /** A result for a code whose task failed outside {@code downloadOne} (a crashed or interrupted task). */
    public DownloadResult crashed(String cc, Throwable cause) {
        return crashed(cc, cause, new AttemptLog(clock));
    }

    /** The end of a batch: removes any temporary file no code could clean up. */
    public void finishBatch() {
        store.discardAll();
    }

    // ---- one request, with retries: blocking and non-blocking forms of the same loop ----

    private <T> Fetched<T> fetch(HttpUrl url, AttemptLog log, BodyReader<T> reader) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (cancelled) {
                return new Fetched<>(Answer.notDone(), url);
            }
            Answer<T> answer;
            long began = System.nanoTime();
            log.nextIsRetry(attempt > 1);
            Call call = call(url, log);
            try (Response response = call.execute()) {
                answer = classify(response, reader, log);
            } catch (IOException e) {
                answer = failure(e);
            } finally {
                calls.remove(call);
                log.end();
            }
            trace(url, attempt, answer, began);
            if (Thread.interrupted()) {
                discard(answer);
                throw new InterruptedException("interrupted");
            }
            if (!retry.shouldRetry(answer, attempt) || cancelled) {
                return new Fetched<>(cancelled && answer.status() == Status.ERROR ? Answer.notDone() : answer, url);
            }
            Duration wait = retry.delay(attempt, answer.retryAfter());
            traceWait(url, attempt, answer, wait);
            try {
                pause(wait).get(); // the same wait as async's: cancel() ends it, an interrupt too
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
        CompletableFuture<Answer<T>> answer = new CompletableFuture<>();
        long began = System.nanoTime();
        log.nextIsRetry(attempt > 1);
        Call made = call(url, log);
        made.enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                calls.remove(call);
                settle(answer, log, () -> failure(e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                calls.remove(call);
                settle(answer, log, () -> {
                    try (response) {
                        return classify(response, reader, log);
                    }
                });
            }
        });
        return answer.thenCompose(a -> {
            trace(url, attempt, a, began);
            if (!retry.shouldRetry(a, attempt) || cancelled) {
                return CompletableFuture.completedFuture(
                        new Fetched<>(cancelled && a.status() == Status.ERROR ? Answer.<T>notDone() : a, url));
            }
            Duration wait = retry.delay(attempt, a.retryAfter());
            traceWait(url, attempt, a, wait);
            // The wait is a timer, not a sleeping thread: nothing is held while the backoff runs.
            return pause(wait).thenCompose(done -> fetchAsync(url, log, reader, attempt + 1));
        });
    }

    /**
     * Completes an async request's answer, whatever happens: OkHttp lets an exception thrown by a callback kill
     * its dispatcher thread (with a stack trace on stderr) and allOf() would then wait for ever.
     */
    private static <T> void settle(CompletableFuture<Answer<T>> answer, AttemptLog log, Supplier<Answer<T>> how) {
        try {
            Answer<T> settled;
            try {
                settled = how.get();
            } finally {
                log.end(); // before completing: the next request must not seem to overlap this one
            }
            answer.complete(settled);
        } catch (RuntimeException | Error e) {
            answer.completeExceptionally(e);
        }
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

    /**
     * A call known to {@link #cancel()} before it is sent: a cancel landing between the check at the top of an
     * attempt and the call reaching OkHttp's dispatcher would otherwise miss it, and it would run to its timeout.
     */
    private Call call(HttpUrl url, AttemptLog log) {
        Call call = http.newCall(request(url, log));
        calls.add(call);
        if (cancelled) {
            call.cancel();
        }
        return call;
    }

    private Request request(HttpUrl url, AttemptLog log) {
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "gzip") // asked for here, so ContentDecoding decodes it, not OkHttp
                .tag(AttemptLog.class, log);
        if (!url.username().isEmpty()) {
            request.header("Authorization", Credentials.basic(url.username(), url.password(), StandardCharsets.UTF_8));
        }
        return request.build();
    }

    // ---- classification and validation ----

    private <T> Answer<T> classify(Response response, BodyReader<T> reader, AttemptLog log) {
        int code = response.code();
        if (StatusCodes.savesBody(code)) {
            try {
                return Answer.ok(code, reader.read(response));
            } catch (InvalidBodyException | StorageException | BadAnswerException e) {
                return Answer.failed(code, e.getMessage(), false, null);
            } catch (IOException e) {
                Answer<T> failed = failure(e);
                return failed.status() == Status.NOT_DONE
                        ? failed
                        : Answer.failed(code, failed.error(), failed.retryable(), null);
            }
        }
        if (code == 404) {
            return Answer.notFound(code);
        }
        return Answer.failed(
                code,
                StatusCodes.reason(code, response.message()),
                StatusCodes.retryable(code),
                StatusCodes.retryAfter(log.retryAfter()));
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
        if (e instanceof ImageBody.CutShort) {
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
            return Answer.failed(
                    0, "timeout after " + seconds(Duration.ofMillis(http.callTimeoutMillis())), true, null);
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

    private Path readImage(String cc, Response response) throws IOException {
        String target = options.names() ? "the flag of " + cc : fileName(cc);
        long declared = response.body().contentLength();
        if (declared > options.maxBytes()) {
            throw new InvalidBodyException(
                    "body of " + declared + " bytes is larger than --max-bytes " + options.maxBytes());
        }
        FlagStore.Temp temp = store.create(cc, target);
        boolean complete = false;
        try {
            ImageBody.copy(
                    response.body().source(),
                    temp.out(),
                    options.maxBytes(),
                    declared,
                    response.header("Content-Type"),
                    target);
            close(temp.out(), target);
            complete = true;
            return temp.path();
        } finally {
            if (!complete) {
                closeQuietly(temp.out());
                store.discard(temp.path());
            }
        }
    }

    /** Closing is the last write (buffers flush, a full disk or quota can show only now). */
    private static void close(OutputStream out, String target) throws StorageException {
        try {
            out.close();
        } catch (IOException e) {
            throw StorageException.of("cannot write " + target, e);
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the temporary file is being discarded anyway
        }
    }

    private String readCountryName(Response response) throws IOException {
        BufferedSource source = response.body().source();
        if (source.request(MAX_METADATA_BYTES + 1)) {
            throw new InvalidBodyException("metadata larger than " + MAX_METADATA_BYTES + " bytes");
        }
        return CountryName.parse(source.readByteArray(), charset(response.body().contentType()));
    }

    /** JSON is UTF-8 unless the server says otherwise; a charset we do not know is an error, not a guess. */
    private static Charset charset(MediaType type) throws InvalidBodyException {
        String name = type == null ? null : type.parameter("charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidBodyException("metadata charset " + Quote.of(name) + " is not one this system knows");
        }
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

    /** Reads a 200 body into the value a request exists for (a saved temporary file, a country name). */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(Response response) throws IOException;
    }

    /** The answer a request ended with, and the URL it asked (the last one, for reports). */
    private record Fetched<T>(Answer<T> answer, HttpUrl url) {
        boolean ok() {
            return answer.status() == Status.OK;
        }
    }
}
