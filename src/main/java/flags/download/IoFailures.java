package flags.download;

import flags.http.BadAnswerException;
import flags.http.RedirectInterceptor;
import flags.http.StatusException;
import flags.store.ImageSink;
import flags.text.Failures;
import flags.text.Quote;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An I/O failure of one request, as a reason a user understands and whether asking again could help. */
final class IoFailures {
    // The client's logger: --debug shows one client's story under one name, whichever class tells it.
    private static final Logger LOG = LoggerFactory.getLogger(FlagClient.class);

    private final BooleanSupplier stopped;
    private final Duration timeout;

    /** Failures of a client whose batch is stopped when {@code stopped} says so, {@code timeout} per request. */
    IoFailures(BooleanSupplier stopped, Duration timeout) {
        this.stopped = stopped;
        this.timeout = timeout;
    }

    <T> Answer<T> answer(IOException e) {
        if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            return Answer.notDone();
        }
        if (e instanceof StatusException s) {
            return Answer.failed(s.code(), s.getMessage(), false, null);
        }
        if (e instanceof RedirectInterceptor.RedirectException || e instanceof BadAnswerException) {
            return Answer.failed(0, e.getMessage(), false, null);
        }
        if (e instanceof ImageSink.CutShort) {
            return Answer.failed(0, e.getMessage(), true, null);
        }
        if (e instanceof UnknownHostException) {
            // A name that does not resolve now will not resolve a few hundred milliseconds later.
            return Answer.failed(0, "unknown host " + Quote.escape(e.getMessage(), Quote.MAX_SHOWN), false, null);
        }
        if (e instanceof SSLException) {
            return Answer.failed(0, "TLS error: " + e.getMessage(), false, null);
        }
        if (e instanceof InterruptedIOException) {
            return Answer.failed(0, "timeout after " + Trace.seconds(timeout), true, null);
        }
        if (e instanceof SocketException && "SOCKS : authentication failed".equals(e.getMessage())) {
            // The JDK's words for a SOCKS proxy refusing the user name and password: asking again will not help.
            return Answer.failed(0, "SOCKS proxy refused the credentials", false, null);
        }
        if (e instanceof ConnectException) {
            return Answer.failed(0, "connection refused" + address(e), true, null);
        }
        if (e instanceof ProtocolException) {
            return Answer.failed(0, "malformed answer: " + Failures.lowerFirst(e.getMessage()), false, null);
        }
        String how = Failures.cutShort(e);
        if (!how.startsWith("connection ")) {
            LOG.debug("I/O error", e); // --debug: the exception behind a reason we could not put in plain words
        }
        return Answer.failed(
                0, how.startsWith("connection ") ? how + " before an answer" : "I/O error: " + how, true, null);
    }

    /** " (127.0.0.1:8000)" out of OkHttp's "Failed to connect to localhost/127.0.0.1:8000". */
    private static String address(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int to = message.lastIndexOf(' ');
        String where = to < 0 ? "" : message.substring(to + 1);
        where = where.substring(where.indexOf('/') + 1);
        return where.isEmpty() ? "" : " (" + where + ")";
    }
}
