package flags.http;

import java.util.Map;
import okhttp3.HttpUrl;

/**
 * One GET as {@code FlagClient} builds it, before any client library sees it: the URL, the header fields, and the
 * log its attempt is recorded in.
 */
public record Outgoing(HttpUrl url, Map<String, String> headers, AttemptLog log) {}
