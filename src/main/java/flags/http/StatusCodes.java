package flags.http;

import flags.text.Quote;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.eclipse.jetty.http.HttpStatus;

/**
 * What an answer's status code and {@code Retry-After} mean for a flag's request, from plain values, so that every
 * HTTP client of the project judges answers alike. A code nobody registered is the x00 of its class, as HTTP says.
 */
public final class StatusCodes {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private StatusCodes() {}

    /**
     * The code as a client must understand it: itself when registered, else the x00 of its class (a 299 is a 200);
     * -1 when it is in no class (600 and up).
     */
    public static int understood(int code) {
        if (code < 100 || code > 599) {
            return -1;
        }
        boolean registered = HttpStatus.getCode(code) != null || code == 208 || code == 226;
        return registered ? code : code / 100 * 100;
    }

    /** Whether the answer's body is the thing asked for: a 200, a 203 (a proxy's copy of it), or an unknown 2xx. */
    public static boolean savesBody(int code) {
        int understood = understood(code);
        return understood == 200 || understood == 203;
    }

    /** Whether asking again later can help: a timeout, too many requests, or a server error. */
    public static boolean retryable(int code) {
        int understood = understood(code);
        return understood == 408 || understood == 429 || understood / 100 == 5;
    }

    /**
     * "HTTP 503 Service Unavailable": the code and the server's reason phrase, made safe to show, or the
     * registered phrase when the server sent none.
     */
    public static String reason(int code, String phrase) {
        String shown = phrase == null ? "" : phrase.strip();
        if (shown.isEmpty()) {
            HttpStatus.Code registered = HttpStatus.getCode(code);
            shown = registered == null ? "" : registered.getMessage();
        } else {
            shown = Quote.escape(shown, Quote.MAX_SHOWN);
        }
        return "HTTP " + code + (shown.isEmpty() ? "" : " " + shown);
    }

    /**
     * How long a {@code Retry-After} value asks to wait: seconds or an HTTP date; a number too large for a
     * duration is the longest wait there is (the retry policy caps it); null when absent or unreadable.
     */
    public static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException notSeconds) {
            if (DIGITS.matcher(v).matches()) {
                return Duration.ofSeconds(Long.MAX_VALUE);
            }
            Date date = Headers.of("Retry-After", value).getDate("Retry-After");
            return date == null ? null : Duration.between(Instant.now(), date.toInstant());
        }
    }
}
