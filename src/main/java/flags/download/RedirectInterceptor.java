package flags.download;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects itself because OkHttp's own limit (20) is not configurable: at most {@code max} hops,
 * and a URL seen twice is a loop. Credentials go only to the origin they were given for, as curl does without
 * {@code --location-trusted}. Application interceptors may call {@code proceed} more than once.
 */
final class RedirectInterceptor implements Interceptor {
    /** A redirect problem: not worth retrying, unlike other I/O errors. */
    static final class RedirectException extends IOException {
        private static final long serialVersionUID = 1L;

        RedirectException(String message) {
            super(message);
        }
    }

    private final int max;
    private final TlsOnDemand tls;

    /** {@code tls} sends the hops to https URLs: the client this interceptor runs in speaks plain HTTP only. */
    RedirectInterceptor(int max, TlsOnDemand tls) {
        this.max = max;
        this.tls = tls;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long started = System.nanoTime();
        Request request = chain.request();
        Set<HttpUrl> seen = new HashSet<>();
        seen.add(request.url());
        for (int hops = 0; ; hops++) {
            Response response = request.isHttps() ? tls.send(chain, request, started) : chain.proceed(request);
            if (!response.isRedirect()) {
                return response;
            }
            String location = response.header("Location");
            HttpUrl next = location == null ? null : response.request().url().resolve(location);
            response.close();
            if (next == null) {
                throw new RedirectException("redirect " + response.code() + " without a usable Location");
            }
            if (!seen.add(next)) {
                throw new RedirectException("redirect loop at " + Redact.url(next));
            }
            if (hops + 1 > max) {
                throw new RedirectException("more than " + max + " redirects");
            }
            Request.Builder hop = request.newBuilder().url(next);
            if (!sameOrigin(request.url(), next)) {
                hop.removeHeader("Authorization");
            }
            request = hop.build();
        }
    }

    static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }
}
