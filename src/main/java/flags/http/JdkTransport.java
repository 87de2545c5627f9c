package flags.http;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import okhttp3.HttpUrl;

/**
 * Requests over the JDK's non-blocking {@link HttpClient}: its one selector thread reads and writes every
 * connection, a few threads (no more than the cores) run what follows each chunk, and no thread waits for any one
 * request. HTTP/1.1 only (it would otherwise offer an h2c upgrade), redirects followed by {@link JdkExchange}.
 */
final class JdkTransport implements Transport {
    private final HttpClient.Builder builder;
    private final HttpClient plain;
    private HttpClient tls;
    private final ExecutorService callbacks;
    private final ScheduledThreadPoolExecutor deadlines;
    private final Duration timeout;
    private final Proxies proxies;
    private final Set<JdkExchange<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> answering = ConcurrentHashMap.newKeySet(); // the servers that have answered
    private volatile boolean cancelled;

    private JdkTransport(
            HttpClient.Builder builder,
            ExecutorService callbacks,
            ScheduledThreadPoolExecutor deadlines,
            Duration timeout,
            Proxies proxies) {
        this.builder = builder;
        this.plain = builder.sslContext(NO_TLS.get()).build();
        this.callbacks = callbacks;
        this.deadlines = deadlines;
        this.timeout = timeout;
        this.proxies = proxies;
    }

    /** A client for {@code timeout} per request; the strategy, not the client, bounds requests in flight. */
    static JdkTransport create(int maxInFlight, Duration timeout, Proxies proxies) {
        if (proxies.anySocks()) {
            throw new IllegalArgumentException("the JDK's HTTP client (nio) cannot use a SOCKS proxy");
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), maxInFlight));
        ExecutorService callbacks = Executors.newFixedThreadPool(threads, daemon("nio-callback-"));
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, daemon("nio-deadline-"));
        deadlines.setRemoveOnCancelPolicy(true); // a request that ended does not keep its deadline queued
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .proxy(proxies.any() ? proxies : ProxySelector.of(null)) // never the JVM's -Dhttp.proxyHost
                .executor(callbacks);
        return new JdkTransport(builder, callbacks, deadlines, timeout, proxies);
    }

    /**
     * The client for {@code url}: plain HTTP goes over a client that never loads the JVM's trust store (a third of
     * a second at start-up); the first https URL builds the TLS client, which verifies certificates as the JVM does.
     */
    private synchronized HttpClient clientFor(HttpUrl url) {
        if (!url.isHttps()) {
            return plain;
        }
        if (tls == null) {
            try {
                tls = builder.sslContext(SSLContext.getDefault()).build();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JVM has no TLS", e);
            }
        }
        return tls;
    }

    /** A TLS context that trusts nothing, for the client that only ever speaks plain HTTP. */
    private static final Supplier<SSLContext> NO_TLS = () -> {
        try {
            SSLContext none = SSLContext.getInstance("TLS");
            none.init(new KeyManager[0], new TrustManager[0], null);
            return none;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("this JVM has no TLS", e);
        }
    };

    @Override
    public <R> R send(Outgoing request, Exchange<R> exchange) throws InterruptedException {
        CompletableFuture<R> result = sendAsync(request, exchange);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true); // the exchange's abort follows from it
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public <R> CompletableFuture<R> sendAsync(Outgoing request, Exchange<R> exchange) {
        if (cancelled) {
            return CompletableFuture.completedFuture(exchange.failed(new IOException("Canceled")));
        }
        request.log().begin(); // no queue in front of this client: the request is open from now
        JdkExchange<R> sending = new JdkExchange<>(this::clientFor, request, exchange, proxies, answering);
        inFlight.add(sending);
        CompletableFuture<R> result = sending.start(deadlines, timeout);
        result.whenComplete((r, e) -> {
            inFlight.remove(sending);
            if (e != null) {
                sending.abort(new IOException("Canceled")); // cancelled by its caller
            }
        });
        if (cancelled) {
            sending.abort(new IOException("Canceled"));
        }
        return result;
    }

    @Override
    public void cancelAll() {
        cancelled = true;
        inFlight.forEach(x -> x.abort(new IOException("Canceled")));
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public void shutdown() {
        callbacks.shutdown();
        deadlines.shutdownNow();
        HttpClient secure;
        synchronized (this) {
            secure = tls;
        }
        for (HttpClient client : new HttpClient[] {plain, secure}) {
            if (client instanceof AutoCloseable closeable) { // JDK 21+: ends the selector thread now
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the client's threads are daemons: the JVM exits without them
                }
            }
        }
    }

    @Override
    public boolean awaitTermination(Duration limit) throws InterruptedException {
        return callbacks.awaitTermination(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
