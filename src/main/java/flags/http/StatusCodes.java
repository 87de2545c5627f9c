package flags.http;

import flags.text.Quote;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Headers;

/**
 * What an answer's status code and {@code Retry-After} mean for a flag's request, from plain values, so that every
 * HTTP client of the project judges answers alike. A code nobody registered is the x00 of its class, as HTTP says.
 */
public final class StatusCodes {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /**
     * The registered codes and their phrases (RFC 9110 and the RFCs that added 102, 103, 207, 208, 226, 423, 424,
     * 425, 428, 429, 431, 451, 506-511). A 500 is "Server Error" and 418 (unused in RFC 9110) is listed, as the
     * project's own server and MockWebServer word them: a client that loses the phrase (the JDK's) shows the same.
     */
    private static final Map<Integer, String> PHRASES = byCode("""
            100 Continue
            101 Switching Protocols
            102 Processing
            103 Early Hints
            200 OK
            201 Created
            202 Accepted
            203 Non-Authoritative Information
            204 No Content
            205 Reset Content
            206 Partial Content
            207 Multi-Status
            208 Already Reported
            226 IM Used
            300 Multiple Choices
            301 Moved Permanently
            302 Found
            303 See Other
            304 Not Modified
            305 Use Proxy
            307 Temporary Redirect
            308 Permanent Redirect
            400 Bad Request
            401 Unauthorized
            402 Payment Required
            403 Forbidden
            404 Not Found
            405 Method Not Allowed
            406 Not Acceptable
            407 Proxy Authentication Required
            408 Request Timeout
            409 Conflict
            410 Gone
            411 Length Required
            412 Precondition Failed
            413 Content Too Large
            414 URI Too Long
            415 Unsupported Media Type
            416 Range Not Satisfiable
            417 Expectation Failed
            418 I'm a Teapot
            421 Misdirected Request
            422 Unprocessable Content
            423 Locked
            424 Failed Dependency
            425 Too Early
            426 Upgrade Required
            428 Precondition Required
            429 Too Many Requests
            431 Request Header Fields Too Large
            451 Unavailable For Legal Reasons
            500 Server Error
            501 Not Implemented
            502 Bad Gateway
            503 Service Unavailable
            504 Gateway Timeout
            505 HTTP Version Not Supported
            506 Variant Also Negotiates
            507 Insufficient Storage
            508 Loop Detected
            510 Not Extended
            511 Network Authentication Required
            """);

    private StatusCodes() {}

    /**
     * The code as a client must understand it: itself when registered, else the x00 of its class (a 299 is a 200);
     * -1 when it is in no class (600 and up).
     */
    static int understood(int code) {
        if (code < 100 || code > 599) {
            return -1;
        }
        return PHRASES.containsKey(code) ? code : code / 100 * 100;
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
            shown = PHRASES.getOrDefault(code, "");
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

    private static Map<Integer, String> byCode(String table) {
        return table.lines()
                .collect(Collectors.toUnmodifiableMap(
                        line -> Integer.valueOf(line.substring(0, 3)), line -> line.substring(4)));
    }
}
