package flags.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The TLS-capable twin of a run's plain-HTTP client, built the first time a request or a redirect goes to an
 * https URL: setting TLS up loads the JDK's trust store, about a tenth of a second that a plain-HTTP run never
 * needs. The twin is the same client (dispatcher, connection pool, timeouts, proxies, network rules) with
 * OkHttp's default connection specs, so certificates and host names are verified exactly as OkHttp always does.
 */
final class TlsOnDemand {
    /** The call an https hop is sent for: the hop must not outlive it, nor start once it is cancelled. */
    private record Caller(Call call) {}

    private final OkHttpClient plain;
    private OkHttpClient tls;

    /** {@code plain}: the shared settings and the interceptors that run for every hop, nothing else. */
    TlsOnDemand(OkHttpClient plain) {
        this.plain = plain;
    }

    /**
     * Sends one hop to an https URL for the request {@code chain} is running, within what is left of that
     * request's time limit ({@code startedNanos} is when it began). Redirects come back to the caller.
     */
    Response send(Interceptor.Chain chain, Request hop, long startedNanos) throws IOException {
        Call caller = chain.call();
        Call call = client().newCall(
                        hop.newBuilder().tag(Caller.class, new Caller(caller)).build());
        long limit = caller.timeout().timeoutNanos();
        if (limit > 0) {
            long left = limit - (System.nanoTime() - startedNanos);
            if (left <= 0) {
                throw new InterruptedIOException("timeout");
            }
            call.timeout().timeout(left, TimeUnit.NANOSECONDS);
        }
        return call.execute();
    }

    synchronized OkHttpClient client() {
        if (tls == null) {
            OkHttpClient.Builder builder = plain.newBuilder()
                    .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)); // OkHttp's default
            // A stop cancels every call of the dispatcher: a hop that registers just after that must not start.
            builder.interceptors().add(0, chain -> {
                Caller caller = chain.request().tag(Caller.class);
                if (caller != null && caller.call().isCanceled()) {
                    throw new IOException("Canceled");
                }
                return chain.proceed(chain.request());
            });
            tls = builder.build();
        }
        return tls;
    }
}
