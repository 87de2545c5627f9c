package flags.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Requests over OkHttp ({@link HttpClients} sets it up): {@code execute} blocks the calling thread, {@code enqueue}
 * runs the call on one of the dispatcher's threads, which blocks in its turn. The body is read in chunks and pushed
 * to the exchange's sink as it comes.
 */
public final class OkHttpTransport implements Transport {
    private static final int CHUNK = 8192;

    private final OkHttpClient http;
    private final boolean ownsPool;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public OkHttpTransport(OkHttpClient http) {
        this(http, true);
    }

    private OkHttpTransport(OkHttpClient http, boolean ownsPool) {
        this.http = http;
        this.ownsPool = ownsPool;
    }

    @Override
    public <R> R send(Outgoing request, Exchange<R> exchange) {
        Call call = call(request);
        try (Response response = call.execute()) {
            return take(response, exchange);
        } catch (IOException e) {
            return exchange.failed(e);
        } finally {
            calls.remove(call);
        }
    }

    @Override
    public <R> CompletableFuture<R> sendAsync(Outgoing request, Exchange<R> exchange) {
        CompletableFuture<R> result = new CompletableFuture<>();
        call(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                calls.remove(call);
                settle(result, () -> exchange.failed(e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                calls.remove(call);
                settle(result, () -> {
                    try (response) {
                        return take(response, exchange);
                    }
                });
            }
        });
        return result;
    }

    /**
     * Completes a call's result, whatever happens: OkHttp lets an exception thrown by a callback kill its dispatcher
     * thread (with a stack trace on stderr), and the future would then never complete.
     */
    private static <R> void settle(CompletableFuture<R> result, Supplier<R> how) {
        try {
            result.complete(how.get());
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    /**
     * The head to the exchange, then the body, chunk by chunk, to the sink it chose; a gzip body is decoded on its
     * way there, by the same {@link GzipSink} as the JDK's client.
     */
    private static <R> R take(Response response, Exchange<R> exchange) {
        List<String> codings = response.headers("Content-Encoding");
        boolean gzip = response.isSuccessful() && HeadRules.gzip(codings);
        String unsupported = response.isSuccessful() ? HeadRules.unsupportedCoding(codings) : null;
        long length = response.body().contentLength();
        Function<String, List<String>> fields =
                gzip ? name -> GzipSink.decodedAway(name) ? List.of() : response.headers(name) : response::headers;
        BodySink<R> sink = exchange.head(new Head(response.code(), response.message(), gzip ? -1 : length, fields));
        if (gzip && sink.wantsBody()) {
            sink = new GzipSink<>(sink, length < 0 && response.header("Transfer-Encoding") == null);
        }
        try {
            if (unsupported != null && sink.wantsBody()) {
                throw new BadAnswerException(unsupported); // never asked for, so never decoded
            }
            if (sink.wantsBody()) {
                BufferedSource source = response.body().source();
                byte[] chunk = new byte[CHUNK];
                for (int n; (n = source.read(chunk)) != -1; ) {
                    sink.write(ByteBuffer.wrap(chunk, 0, n));
                }
            }
            return sink.end();
        } catch (IOException e) {
            return exchange.failed(sink.abandon(e));
        }
    }

    /**
     * A call known to {@link #cancelAll()} before it is sent: a cancel landing between the check at the top of an
     * attempt and the call reaching OkHttp's dispatcher would otherwise miss it, and it would run to its timeout.
     */
    private Call call(Outgoing request) {
        Request.Builder built = new Request.Builder().url(request.url()).tag(AttemptLog.class, request.log());
        request.headers().forEach(built::header);
        Call call = http.newCall(built.build());
        calls.add(call);
        if (cancelled) {
            call.cancel();
        }
        return call;
    }

    @Override
    public void cancelAll() {
        cancelled = true;
        calls.forEach(Call::cancel); // also those made but not yet handed to the dispatcher
        http.dispatcher().cancelAll();
    }

    @Override
    public Duration timeout() {
        return Duration.ofMillis(http.callTimeoutMillis());
    }

    /** The same client and connection pool with a dispatcher of its own, whose threads end with the run. */
    @Override
    public Transport forRun() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(http.dispatcher().getMaxRequests());
        dispatcher.setMaxRequestsPerHost(http.dispatcher().getMaxRequestsPerHost());
        return new OkHttpTransport(http.newBuilder().dispatcher(dispatcher).build(), false);
    }

    /** The dispatcher's threads are ended (and waited for, for a run's); the pool is emptied by its owner only. */
    @Override
    public void shutdown() {
        if (ownsPool) {
            HttpClients.shutdown(http);
            return;
        }
        ExecutorService threads = http.dispatcher().executorService();
        threads.shutdown();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean awaitTermination(Duration limit) throws InterruptedException {
        return http.dispatcher().executorService().awaitTermination(limit.toNanos(), TimeUnit.NANOSECONDS);
    }
}
