package flags.download;

import java.util.Locale;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * {@code downloadOne}: the one place where a code's request is built, its answer classified, its body validated
 * and saved, and failed attempts retried. Strategies only decide when to call it, blocking or asynchronously.
 */
public final class FlagClient {
    /** The error text of a code stopped by Ctrl-C; such codes count as "not done", not as errors. */
    public static final String INTERRUPTED = "interrupted";
    private static final long MAX_METADATA_BYTES = 64 * 1024;
    private static final String USER_AGENT = "flags/" + Version.current();

    private final OkHttpClient http;
    private final DownloadOptions options;
    private final FlagStore store;
    private final RetryPolicy retry;
    private final BatchClock clock;
    private volatile boolean cancelled;

    public FlagClient(OkHttpClient http, DownloadOptions options, FlagStore store, RetryPolicy retry, BatchClock clock) {
        this.http = http;
        this.options = options;
        this.store = store;
        this.retry = retry;
        this.clock = clock;
    }

    /** Downloads one code, blocking the calling thread (seq, threads): flag, then metadata with {@code --names}. */
    public DownloadResult downloadOne(String cc) throws InterruptedException {
        CallStart start = new CallStart(clock);
        Attempted<Path> flag = fetch(options.flagUrl(cc), start, response -> readImage(cc, response));
        if (flag.answer().status() != Status.OK || !options.names()) {
            return finish(cc, flag, null, start);
        }
        Attempted<String> meta;
        try {
            meta = fetch(options.metadataUrl(cc), start, this::readCountryName);
        } catch (InterruptedException e) {
            store.discard(flag.answer().value());
            throw e;
        }
        return finish(cc, flag, meta, start);
    }

    /** The same steps without blocking (async): each request is an enqueued call, chained with thenCompose. */
    public CompletableFuture<DownloadResult> downloadOneAsync(String cc) {
        CallStart start = new CallStart(clock);
        return fetchAsync(options.flagUrl(cc), start, response -> readImage(cc, response), 1)
                .thenCompose(flag -> flag.answer().status() != Status.OK || !options.names()
                        ? CompletableFuture.completedFuture(finish(cc, flag, null, start))
                        : fetchAsync(options.metadataUrl(cc), start, this::readCountryName, 1)
                                .thenApply(meta -> finish(cc, flag, meta, start)));
    }

    /** Ctrl-C: no new attempt starts, every call in flight is cancelled, temporary files are removed. */
    public void cancel() {
        cancelled = true;
        http.dispatcher().cancelAll();
        store.discardAll();
    }

    /** A result for a code that failed outside {@code downloadOne} (a crashed task), keeping the batch whole. */
    public DownloadResult crashed(String cc, Throwable cause) {
        Duration now = clock.elapsed();
        String why = cancelled ? INTERRUPTED : "internal error: " + cause;
        return new DownloadResult(cc, Status.ERROR, 0, 0, null, 0, now, now, why);
    }

    // ---- one request, with retries: blocking and non-blocking forms of the same loop ----

    private <T> Attempted<T> fetch(HttpUrl url, CallStart start, BodyReader<T> reader) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Answer<T> answer;
            try (Response response = http.newCall(request(url, start)).execute()) {
                answer = classify(response, reader);
            } catch (IOException e) {
                answer = failure(e, url);
            }
            if (Thread.currentThread().isInterrupted()) {
                discardValue(answer);
                throw new InterruptedException(INTERRUPTED);
            }
            if (!retry.shouldRetry(answer, attempt) || cancelled) {
                return new Attempted<>(answer, attempt);
            }
            Thread.sleep(retry.delay(attempt, answer.retryAfter()).toMillis());
        }
    }

    private <T> CompletableFuture<Attempted<T>> fetchAsync(HttpUrl url, CallStart start, BodyReader<T> reader, int attempt) {
        CompletableFuture<Answer<T>> answer = new CompletableFuture<>();
        http.newCall(request(url, start)).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                answer.complete(failure(e, url));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    answer.complete(classify(response, reader));
                } catch (RuntimeException | Error e) {
                    answer.completeExceptionally(e); // never leave allOf() waiting on a future nobody completes
                }
            }
        });
        return answer.thenCompose(a -> {
            if (!retry.shouldRetry(a, attempt) || cancelled) {
                return CompletableFuture.completedFuture(new Attempted<>(a, attempt));
            }
            // The wait is a timer, not a sleeping thread: nothing is held while the backoff runs.
            Executor later = CompletableFuture.delayedExecutor(
                    retry.delay(attempt, a.retryAfter()).toNanos(), TimeUnit.NANOSECONDS);
            return CompletableFuture.supplyAsync(() -> attempt + 1, later)
                    .thenCompose(next -> cancelled
                            ? CompletableFuture.completedFuture(
                                    new Attempted<>(Answer.<T>failed(0, INTERRUPTED, false, null), attempt))
                            : fetchAsync(url, start, reader, next));
        });
    }

    private Request request(HttpUrl url, CallStart start) {
        return new Request.Builder().url(url).header("User-Agent", USER_AGENT).tag(CallStart.class, start).build();
    }

    // ---- classification and validation ----

    private <T> Answer<T> classify(Response response, BodyReader<T> reader) {
        int code = response.code();
        if (code == 200) {
            try {
                return Answer.ok(code, reader.read(response));
            } catch (InvalidBodyException | StorageException e) {
                return Answer.failed(code, e.getMessage(), false, null);
            } catch (IOException e) {
                Answer<T> failed = failure(e, response.request().url());
                return Answer.failed(code, failed.error(), failed.retryable(), null);
            }
        }
        if (code == 404) {
            return Answer.notFound(code);
        }
        boolean retryable = code == 408 || code == 429 || code >= 500;
        String reason = response.message().isEmpty() ? "" : " " + response.message();
        return Answer.failed(code, "HTTP " + code + reason, retryable, retryAfter(response));
    }

    private <T> Answer<T> failure(IOException e, HttpUrl url) {
        if (cancelled) {
            return Answer.failed(0, INTERRUPTED, false, null);
        }
        if (e instanceof RedirectInterceptor.RedirectException) {
            return Answer.failed(0, e.getMessage(), false, null);
        }
        if (e instanceof UnknownHostException) {
            // A name that does not resolve now will not resolve a few hundred milliseconds later.
            return Answer.failed(0, "unknown host " + url.host(), false, null);
        }
        if (e instanceof SSLException) {
            return Answer.failed(0, "TLS error: " + e.getMessage(), false, null);
        }
        if (e instanceof InterruptedIOException) {
            return Answer.failed(0, "timeout after " + seconds(options.timeout()), true, null);
        }
        if (e instanceof ConnectException) {
            return Answer.failed(0, "connection refused", true, null);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Answer.failed(0, "I/O error: " + message, true, null);
    }

    private static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            Date date = response.headers().getDate("Retry-After");
            return date == null ? null : Duration.between(Instant.now(), date.toInstant());
        }
    }

    private Path readImage(String cc, Response response) throws IOException {
        String type = response.header("Content-Type", "");
        if (!type.toLowerCase(Locale.ROOT).startsWith("image/")) {
            throw new InvalidBodyException("not an image: Content-Type " + (type.isEmpty() ? "missing" : type));
        }
        long declared = response.body().contentLength();
        if (declared > options.maxBytes()) {
            throw new InvalidBodyException("body of " + declared + " bytes is larger than --max-bytes " + options.maxBytes());
        }
        Path temp;
        try {
            temp = store.newTemp(cc);
        } catch (IOException e) {
            throw new StorageException("cannot write to " + store.dir(), e);
        }
        boolean complete = false;
        try {
            ImageBody.copy(response.body().source(), temp, options.maxBytes(), declared);
            complete = true;
            return temp;
        } finally {
            if (!complete) {
                store.discard(temp);
            }
        }
    }

    private String readCountryName(Response response) throws IOException {
        BufferedSource source = response.body().source();
        if (source.request(MAX_METADATA_BYTES + 1)) {
            throw new InvalidBodyException("metadata larger than " + MAX_METADATA_BYTES + " bytes");
        }
        String json = source.readString(StandardCharsets.UTF_8);
        try {
            JsonElement country = JsonParser.parseString(json).getAsJsonObject().get("country");
            if (country == null || !country.isJsonPrimitive()) {
                throw new InvalidBodyException("metadata has no country name");
            }
            return country.getAsString();
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidBodyException("metadata is not a JSON object");
        }
    }

    // ---- the end of one code ----

    private DownloadResult finish(String cc, Attempted<Path> flag, Attempted<String> meta, CallStart start) {
        int attempts = flag.attempts() + (meta == null ? 0 : meta.attempts());
        Answer<Path> f = flag.answer();
        if (f.status() != Status.OK) {
            return result(cc, f.status(), f.httpStatus(), 0, null, attempts, start, f.error());
        }
        Path temp = f.value();
        String fileName = cc.toLowerCase(Locale.ROOT) + ".gif";
        if (meta != null) {
            Answer<String> m = meta.answer();
            if (m.status() != Status.OK) {
                store.discard(temp);
                return result(cc, m.status(), m.httpStatus(), 0, null, attempts, start, m.error());
            }
            try {
                fileName = FileNames.forCountry(m.value());
            } catch (IllegalArgumentException e) {
                store.discard(temp);
                return result(cc, Status.ERROR, m.httpStatus(), 0, null, attempts, start, e.getMessage());
            }
        }
        try {
            long bytes = java.nio.file.Files.size(temp);
            Path saved = store.commit(temp, fileName);
            return result(cc, Status.OK, f.httpStatus(), bytes, saved, attempts, start, null);
        } catch (IOException e) {
            store.discard(temp);
            String why = cancelled ? INTERRUPTED : new StorageException("cannot save " + fileName, e).getMessage();
            return result(cc, Status.ERROR, f.httpStatus(), 0, null, attempts, start, why);
        }
    }

    private DownloadResult result(String cc, Status status, int http, long bytes, Path file, int attempts,
                                  CallStart start, String error) {
        return new DownloadResult(cc, status, http, bytes, file, attempts, start.at(), clock.elapsed(), error);
    }

    private void discardValue(Answer<?> answer) {
        if (answer.value() instanceof Path temp) {
            store.discard(temp);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() / 1000.0 + "s";
    }

    /** Reads a 200 body into the value a request exists for (a saved temporary file, a country name). */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(Response response) throws IOException;
    }

    /** An answer and how many requests it took. */
    private record Attempted<T>(Answer<T> answer, int attempts) {}
}
