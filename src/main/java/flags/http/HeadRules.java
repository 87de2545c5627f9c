package flags.http;

import flags.text.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an answer's framing and coding fields allow, judged on their plain values, so that every HTTP client of the
 * project refuses the same answers with the same words.
 */
final class HeadRules {
    /** The words for a gzip body with more after its first member, whichever client decodes it. */
    static final String SEVERAL_MEMBERS = "more follows its gzip stream (several gzip members are not supported)";

    /** The longest status line and headers read: OkHttp's own limit, applied to the JDK's client too. */
    static final long MAX_HEAD = 256 * 1024;

    private static final Pattern LENGTH = Pattern.compile("\\d{1,18}");

    private HeadRules() {}

    /** Every value of every {@code Content-Length} field, a comma-separated list being several values. */
    static List<String> contentLengths(List<String> fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            for (String value : field.split(",", -1)) {
                values.add(value.strip());
            }
        }
        return values;
    }

    /**
     * Whether all the values are one and the same number. A loop, not a stream with a lambda: every request runs
     * this, and a lambda's call site is linked by each of the hundred threads of a first wave that reach it
     * before it is linked.
     */
    static boolean sameNumber(List<String> lengths) {
        for (String value : lengths) {
            if (!value.equals(lengths.get(0)) || !LENGTH.matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why the body cannot be framed, or null when it can: a {@code Content-Length} that is not a number or several
     * that differ, or a transfer coding other than chunked (read raw, it would be taken for the body).
     */
    static String badFraming(List<String> lengths, List<String> transferCodings) {
        for (String value : lengths) {
            if (!LENGTH.matcher(value).matches()) {
                return "invalid Content-Length: " + Quote.of(value);
            }
        }
        if (!sameNumber(lengths)) {
            return "conflicting Content-Length: " + Quote.of(String.join(", ", lengths));
        }
        if (!transferCodings.isEmpty()
                && !(transferCodings.size() == 1
                        && "chunked".equalsIgnoreCase(transferCodings.get(0).strip()))) {
            return "unsupported Transfer-Encoding: " + Quote.of(String.join(", ", transferCodings))
                    + " (only chunked is)";
        }
        return null;
    }

    /** The words for a head longer than {@link #MAX_HEAD}. */
    static String headTooLarge() {
        return "malformed answer: the status line and headers are larger than " + MAX_HEAD / 1024 + " KB";
    }

    /** An answer whose first bytes {@code got} are no status line: HTTP/0.9, or not HTTP at all. */
    static String noStatusLine(byte[] got) {
        return "malformed answer: no status line (HTTP/0.9 is not supported), the answer starts with "
                + Quote.bytes(got, 24);
    }

    /** Whether a 2xx answer's {@code Content-Encoding} fields say gzip, the one coding asked for. */
    static boolean gzip(List<String> contentCodings) {
        return contentCodings.size() == 1 && isGzip(contentCodings.get(0).strip());
    }

    /**
     * Why a 2xx answer's body cannot be decoded, or null: a coding never asked for (only gzip is), or several.
     * "identity" and "none" are no coding at all (browsers ignore the latter).
     */
    static String unsupportedCoding(List<String> contentCodings) {
        if (contentCodings.isEmpty() || notACoding(contentCodings.get(0).strip()) || gzip(contentCodings)) {
            return null;
        }
        return "unsupported Content-Encoding: " + Quote.of(String.join(", ", contentCodings))
                + " (only gzip was asked for)";
    }

    private static boolean notACoding(String coding) {
        return coding.isEmpty() || "identity".equalsIgnoreCase(coding) || "none".equalsIgnoreCase(coding);
    }

    /** "x-gzip" is gzip under its old name, which some servers still send. */
    private static boolean isGzip(String coding) {
        return "gzip".equalsIgnoreCase(coding) || "x-gzip".equalsIgnoreCase(coding);
    }
}
