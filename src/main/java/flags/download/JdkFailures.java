package flags.download;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import okhttp3.HttpUrl;

/**
 * The JDK client's failures in the forms {@link FlagClient} already knows from OkHttp, so that one classification
 * serves both: its timeouts as socket timeouts, an unresolved name as an unknown host, its words for a connection
 * closed before or inside an answer as the end of a stream.
 */
final class JdkFailures {
    private JdkFailures() {}

    /** {@code failure} of a request to {@code url}, as an exception {@link FlagClient} classifies. */
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
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("received no bytes") || message.startsWith("EOF reached")) {
                return new EOFException(); // the JDK's words for a connection closed early
            }
            return e;
        }
        return new IOException(t.toString(), t);
    }
}
