package flags.http;

import flags.text.Quote;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The JDK client's failures in the forms {@code FlagClient} already knows from OkHttp, so that one classification
 * serves both: its timeouts as socket timeouts, an unresolved name as an unknown host, its words for a connection
 * closed before or inside an answer as the end of a stream.
 */
final class JdkFailures {
    /** The JDK's words for an answer head that ended unfinished, with what it had received. */
    private static final Pattern INPUT = Pattern.compile("For input string: \"(.*)\"");

    private static final Pattern UNFINISHED_HEAD =
            Pattern.compile("parsing HTTP/1.1 (?:status line|header), receiving \\[(.*)\\], parser state");

    /** The JDK's words for a Content-Length it refuses before anyone sees it (a control character in it). */
    private static final Pattern BAD_LENGTH =
            Pattern.compile("[Ii]nvalid header value \"Content-Length: (.*)\"", Pattern.DOTALL);

    /** The JDK's words for a first line that is no status line, with that line. */
    private static final Pattern NO_STATUS = Pattern.compile("Invalid status line: \"(.*)\"", Pattern.DOTALL);

    private JdkFailures() {}

    /** Whether the JDK's client saw the connection close before any byte of an answer. */
    static boolean closedBeforeAnswer(Throwable t) {
        return t instanceof IOException e
                && e.getMessage() != null
                && e.getMessage().contains("received no bytes");
    }

    /** The JDK's own words for a connection closed early or an answer that breaks the rules, as OkHttp's. */
    private static IOException reworded(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("received no bytes")
                || message.startsWith("EOF reached")
                || message.startsWith("chunked transfer encoding, state:")) {
            return new EOFException(); // closed before the answer, or inside its body
        }
        Matcher head = UNFINISHED_HEAD.matcher(message);
        if (head.lookingAt()) {
            String received = head.group(1);
            String after = received.endsWith("...")
                    ? ""
                    : " after " + received.length() + " byte" + (received.length() == 1 ? "" : "s");
            return new BadAnswerException(
                    "malformed answer: the connection closed" + after + ", before a complete status line and headers",
                    e);
        }
        Matcher length = BAD_LENGTH.matcher(message);
        if (length.matches()) {
            return new BadAnswerException("invalid Content-Length: " + Quote.of(length.group(1)), e);
        }
        Matcher status = NO_STATUS.matcher(message);
        if (status.matches() && !status.group(1).startsWith("HTTP/")) {
            // The JDK shows the first line, one char a byte, without its LF: the bytes as they came.
            String line = status.group(1);
            byte[] got = new byte[line.length() + 1];
            for (int i = 0; i < line.length(); i++) {
                got[i] = (byte) line.charAt(i);
            }
            got[line.length()] = '\n';
            return new BadAnswerException(HeadRules.noStatusLine(got), e);
        }
        if (message.startsWith("fixed content-length:")) {
            return new EOFException(); // the connection closed before the body's last byte
        }
        if (message.startsWith("unexpected content length header with 204")) {
            return new BadAnswerException("malformed answer: HTTP 204 with a non-zero Content-Length", e);
        }
        return e;
    }

    /**
     * A {@code Content-Length} that is a list, which the JDK's client fails on as a number it cannot parse:
     * conflicting values, as the blocking client says, or one value repeated (which HTTP allows, but this client
     * cannot read).
     */
    static IOException contentLength(NumberFormatException e) {
        Matcher quoted = INPUT.matcher(String.valueOf(e.getMessage()));
        if (!quoted.find()) {
            return new BadAnswerException("malformed answer: a Content-Length that is not a number", e);
        }
        List<String> values = new ArrayList<>();
        for (String value : quoted.group(1).split(",", -1)) {
            values.add(value.strip());
        }
        String shown = Quote.of(String.join(", ", values));
        return HeadRules.sameNumber(values)
                ? new BadAnswerException(
                        "malformed answer: Content-Length " + shown
                                + " is a list, which the JDK's HTTP client cannot read",
                        e)
                : new BadAnswerException("conflicting Content-Length: " + shown, e);
    }

    /** {@code failure} of a request to {@code url}, as an exception {@code FlagClient} classifies. */
    static IOException translate(Throwable failure, HttpUrl url) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CancellationException) {
            return new IOException("Canceled");
        }
        if (t instanceof HttpTimeoutException) {
            return new SocketTimeoutException("timeout");
        }
        if (t instanceof IOException e && e.getCause() instanceof UnresolvedAddressException) {
            return new UnknownHostException(url.host());
        }
        if (t instanceof ConnectException e) {
            ConnectException named = new ConnectException("Failed to connect to " + url.host() + ":" + url.port());
            named.initCause(e);
            return named;
        }
        if (t instanceof IOException e) {
            return reworded(e);
        }
        return new IOException(t.toString(), t);
    }
}
