package flags.download;

import java.io.IOException;
import java.net.SocketException;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request again at once, on a new connection, when it failed only because the pooled connection it went
 * out on was already closed by the server (see {@link ConnectionRules}). OkHttp's own retries stay off, because
 * they also repeat requests that reached a server and failed, which would hide real attempts.
 */
final class StaleConnectionRetry implements Interceptor {
    /** More would mean the server closes every connection it is given, which the next attempt reports. */
    static final int MAX_RESENDS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(StaleConnectionRetry.class);

    /**
     * What the JDK says when a closed socket is used. OkHttp pools a connection the moment its last answer byte is
     * read, a moment before {@link ConnectionRules} closes one that answer ended; a call taking it in between fails
     * so while setting it up, before any byte is sent. Only we close sockets (cancel aside), so this is that case.
     */
    private static final String CLOSED_BY_US = "Socket is closed";

    private final ConnectionPool pool;

    StaleConnectionRetry(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        for (int resent = 0; ; resent++) {
            try {
                return chain.proceed(chain.request());
            } catch (StaleConnectionException | SocketException e) {
                if (e instanceof SocketException && !CLOSED_BY_US.equals(e.getMessage())) {
                    throw e;
                }
                if (resent == MAX_RESENDS || chain.call().isCanceled()) {
                    throw e instanceof StaleConnectionException stale ? stale.failure() : e;
                }
                // The server closed one idle connection; the others it was given are likely closed as well.
                pool.evictAll();
                LOG.debug("{} {}: {}; sending it again on a new connection", chain.request().method(),
                        Redact.url(chain.request().url()), e.getMessage());
            }
        }
    }
}
