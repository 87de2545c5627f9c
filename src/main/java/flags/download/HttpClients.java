package flags.download;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** Builds the one {@link OkHttpClient} a run shares, sized so that {@code -m} is the only limit on concurrency. */
public final class HttpClients {
    public static final int MAX_REDIRECTS = 5;

    private HttpClients() {}

    public static OkHttpClient create(int maxInFlight, Duration timeout) {
        return create(maxInFlight, timeout, true);
    }

    /** With {@code tls} false the client speaks only plain HTTP and never sets up TLS (no trust store load). */
    public static OkHttpClient create(int maxInFlight, Duration timeout, boolean tls) {
        // OkHttp's dispatcher allows 64 calls, 5 per host, by default: both would cap -m silently.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxInFlight);
        dispatcher.setMaxRequestsPerHost(maxInFlight);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (!tls) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return builder
                .dispatcher(dispatcher)
                // Keep every connection of a full-width batch reusable instead of the default 5 idle ones.
                .connectionPool(new ConnectionPool(maxInFlight, 5, TimeUnit.MINUTES))
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                // Our retries count attempts honestly; OkHttp's silent ones would hide them.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new CallStart.Interceptor())
                .addInterceptor(new RedirectInterceptor(MAX_REDIRECTS))
                .build();
    }

    /** Releases the dispatcher's threads and pooled connections so the JVM can exit promptly. */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
