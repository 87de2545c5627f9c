package flags.download;

import java.util.Locale;
import java.time.Duration;
import okhttp3.HttpUrl;

/** What every download of a batch shares: where from, how long to wait, how often to retry, what to accept. */
public record DownloadOptions(HttpUrl baseUrl, Duration timeout, int retries, long maxBytes, boolean names) {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public HttpUrl flagUrl(String cc) {
        String lc = cc.toLowerCase(Locale.ROOT);
        return baseUrl.newBuilder().addPathSegment(lc).addPathSegment(lc + ".gif").build();
    }

    public HttpUrl metadataUrl(String cc) {
        return baseUrl.newBuilder().addPathSegment(cc.toLowerCase(Locale.ROOT)).addPathSegment("metadata.json").build();
    }
}
