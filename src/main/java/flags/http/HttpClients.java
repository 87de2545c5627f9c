package flags.http;

import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Builds the one {@link OkHttpClient} a run shares: sized so that {@code -m} is the only limit on concurrency,
 * with our rules for connections a server ends or closed behind our back, and the run's proxies; TLS is set up
 * only once an https URL is asked for.
 */
public final class HttpClients {
    static final int MAX_REDIRECTS = 5;

    private HttpClients() {}

    public static OkHttpClient create(int maxInFlight, Duration timeout) {
        return create(maxInFlight, timeout, Proxies.none());
    }

    /**
     * The client speaks plain HTTP until a request or a redirect goes to an https URL; only then is TLS set up
     * (see {@link TlsOnDemand}). {@code proxies} decides each request's proxy; {@link Proxies#none()} for a direct
     * connection always.
     */
    static OkHttpClient create(int maxInFlight, Duration timeout, Proxies proxies) {
        // OkHttp's dispatcher allows 64 calls, 5 per host, by default: both would cap -m silently.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxInFlight);
        dispatcher.setMaxRequestsPerHost(maxInFlight);
        // Keep every connection of a full-width batch reusable instead of the default 5 idle ones.
        ConnectionPool pool = new ConnectionPool(maxInFlight, 5, TimeUnit.MINUTES);
        CountingSocketFactory sockets = new CountingSocketFactory();
        OkHttpClient.Builder builder = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        if (proxies.any()) {
            builder.proxySelector(proxies)
                    .proxyAuthenticator(proxies.authenticator())
                    .addNetworkInterceptor(proxies.authorization());
        } else {
            builder.proxy(Proxy.NO_PROXY); // not the JVM's default selector: no -Dhttp.proxyHost surprises
        }
        OkHttpClient hop = builder.dispatcher(dispatcher)
                .connectionPool(pool)
                .socketFactory(sockets)
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                // Our retries count attempts honestly; OkHttp's silent ones would hide them. A request that met
                // a connection the server had closed is sent again by StaleConnectionRetry instead.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new StaleConnectionRetry(pool))
                .addNetworkInterceptor(new ConnectionRules(sockets))
                .build();
        // Every hop of a request goes through the interceptors above; the whole request, redirects included,
        // is one attempt, and its https hops go out on the TLS twin.
        OkHttpClient.Builder request = hop.newBuilder();
        request.interceptors()
                .addAll(
                        0,
                        List.of(new AttemptLog.Start(), new RedirectInterceptor(MAX_REDIRECTS, new TlsOnDemand(hop))));
        return request.build();
    }

    /** Releases the dispatcher's threads and pooled connections so the JVM can exit promptly. */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
