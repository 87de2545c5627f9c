package flags.cli;

import flags.text.Quote;
import flags.text.Redact;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/** Where flags come from: a label (EMBEDDED, LOCAL...) or any http(s) base URL; EMBEDDED has no URL until it starts. */
record Site(String label, HttpUrl url) {
    static final String EMBEDDED = "EMBEDDED";
    private static final Map<String, String> LABELS = Map.of(
            "LOCAL", "http://localhost:8000/flags",
            "DELAY", "http://localhost:8001/flags",
            "ERROR", "http://localhost:8002/flags",
            "REMOTE", "https://www.fluentpython.com/data/flags");

    /** Parses {@code -s}; throws {@link IllegalArgumentException} with the message a user should see. */
    static Site parse(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (upper.equals(EMBEDDED)) {
            return new Site(EMBEDDED, null);
        }
        if (LABELS.containsKey(upper)) {
            return new Site(upper, HttpUrl.get(LABELS.get(upper)));
        }
        HttpUrl url = HttpUrl.parse(value.strip());
        if (url == null
                || !(value.strip().toLowerCase(Locale.ROOT).startsWith("http://")
                        || value.strip().toLowerCase(Locale.ROOT).startsWith("https://"))) {
            throw new IllegalArgumentException("invalid --server " + Quote.of(Redact.url(value))
                    + ": expected EMBEDDED, LOCAL, DELAY, ERROR, REMOTE or an http(s) URL");
        }
        return new Site("URL", trimSlash(url));
    }

    /** Whether this is the in-process server, before or after it started (then {@link #url} is set). */
    boolean embedded() {
        return label.equals(EMBEDDED);
    }

    /** The URL as it may be printed: a user name or password in it shown as {@code ***}. */
    String display() {
        return Redact.url(url);
    }

    Site at(HttpUrl started) {
        return new Site(label, started);
    }

    /** {@code http://h/flags/} and {@code http://h/flags} name the same base: drop the empty last segment. */
    private static HttpUrl trimSlash(HttpUrl url) {
        int last = url.pathSize() - 1;
        return url.pathSegments().get(last).isEmpty() && last > 0
                ? url.newBuilder().removePathSegment(last).build()
                : url;
    }
}
