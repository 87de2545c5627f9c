package flags.http;

import flags.text.Failures;
import flags.text.Quote;
import flags.text.Redact;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows redirects itself because OkHttp's own limit (20) is not configurable: at most {@code max} hops,
 * and a URL seen twice is a loop. Credentials go only to the origin they were given for, as curl does without
 * {@code --location-trusted}. Application interceptors may call {@code proceed} more than once.
 */
public final class RedirectInterceptor implements Interceptor {
    /** A redirect problem: not worth retrying, unlike other I/O errors. */
    public static final class RedirectException extends IOException {
        private static final long serialVersionUID = 1L;

        RedirectException(String message) {
            super(message);
        }
    }

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

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
                throw new RedirectException(unfollowable(
                        response.code(), location, response.request().url()));
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

    /**
     * Why a redirect cannot be followed, as curl says it: no Location, a scheme other than http and https, or a URL
     * that does not parse (a bad port, a broken IPv6 literal).
     */
    static String unfollowable(int code, String location, HttpUrl from) {
        String redirect = "redirect " + code;
        if (location == null || location.isBlank()) {
            return redirect + " without a Location";
        }
        Matcher scheme = SCHEME.matcher(location.strip());
        if (scheme.lookingAt()) {
            String name = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                return redirect + " to a " + Quote.of(name + ":") + " URL: only http and https are followed";
            }
        }
        String absolute = scheme.lookingAt()
                ? location.strip()
                : location.strip().startsWith("//") ? from.scheme() + ":" + location.strip() : null;
        if (absolute != null) {
            try {
                HttpUrl.get(absolute);
            } catch (IllegalArgumentException e) {
                return redirect + " to a malformed URL: " + Failures.lowerFirst(Quote.message(e.getMessage(), 80));
            }
        }
        return redirect + " without a usable Location: " + Quote.of(location);
    }

    static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }
}
