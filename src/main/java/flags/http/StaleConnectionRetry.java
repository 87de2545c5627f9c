package flags.http;

import flags.text.Redact;
import java.io.IOException;
import java.net.SocketException;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request again at once, on a new connection, when it failed only because the pooled connection it went out on
 * was already closed (by the server, or by us a moment before) or carried bytes no request asked for (see
 * {@link ConnectionRules}). OkHttp's own retries stay
 * off, because they also repeat requests that reached a server and failed, which would hide real attempts.
 */
final class StaleConnectionRetry implements Interceptor {
    /** More would mean the server closes every connection it is given, which the next attempt reports. */
    static final int MAX_RESENDS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(StaleConnectionRetry.class);

    private final ConnectionPool pool;

    StaleConnectionRetry(ConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * A pooled connection this process closed between OkHttp taking it and using it (the end of an answer that
     * ended its connection, or an eviction): setting its read timeout, OkHttp's first use of it, says so before
     * anything is written (on every JDK: see {@link CountingSocketFactory}), so nothing reached the server.
     */
    private static boolean closedHere(SocketException e) {
        return "Socket is closed".equals(e.getMessage());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        for (int resent = 0; ; resent++) {
            IOException stale;
            try {
                return chain.proceed(chain.request());
            } catch (StaleConnectionException e) {
                // The server closed one idle connection; the others it was given are likely closed as well.
                pool.evictAll();
                stale = e;
            } catch (SocketException e) {
                if (!closedHere(e) || chain.call().isCanceled()) {
                    throw e;
                }
                stale = e;
            }
            if (resent == MAX_RESENDS || chain.call().isCanceled()) {
                throw stale instanceof StaleConnectionException s ? s.failure() : stale;
            }
            LOG.debug(
                    "{} {}: {}; sending it again on a new connection",
                    chain.request().method(),
                    Redact.url(chain.request().url()),
                    stale.getMessage());
        }
    }
}
