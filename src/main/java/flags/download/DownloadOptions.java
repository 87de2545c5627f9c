package flags.download;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * What every download of a batch shares and only the client reads: where from, what to accept, what follows it.
 * Timeouts live in the {@link flags.http.Transport}, retries in the {@link RetryPolicy}: each setting in one place.
 */
public record DownloadOptions(HttpUrl baseUrl, long maxBytes, boolean names, CpuWork cpuWork) {
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    /** Without {@code --cpu-work}. */
    public DownloadOptions(HttpUrl baseUrl, long maxBytes, boolean names) {
        this(baseUrl, maxBytes, names, CpuWork.NONE);
    }

    public HttpUrl flagUrl(String cc) {
        String lc = cc.toLowerCase(Locale.ROOT);
        return baseUrl.newBuilder()
                .addPathSegment(lc)
                .addPathSegment(lc + ".gif")
                .build();
    }

    public HttpUrl metadataUrl(String cc) {
        return baseUrl.newBuilder()
                .addPathSegment(cc.toLowerCase(Locale.ROOT))
                .addPathSegment("metadata.json")
                .build();
    }
}
