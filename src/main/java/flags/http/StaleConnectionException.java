package flags.http;

import java.io.IOException;

/**
 * A request that got no answer of its own on a reused connection: the server had closed the connection while it
 * sat in the pool, or had sent bytes no request asked for on it, so that what came may not be this request's. Not
 * the request's fault, so {@link StaleConnectionRetry} sends it again on a new connection, as curl does; it is not
 * an attempt.
 */
final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(IOException failure) {
        super("the reused connection was no use: " + failure.getMessage(), failure);
    }

    /** The failure as it happened, for when sending again is not possible. */
    IOException failure() {
        return (IOException) getCause();
    }
}
