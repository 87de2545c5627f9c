package flags.download;

import java.io.IOException;

/**
 * A request that failed on a reused connection before any byte of its answer arrived: the server had closed
 * the connection while it sat in the pool. Not the request's fault, so {@link StaleConnectionRetry} sends it
 * again on a new connection, as curl does; it is not an attempt.
 */
final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(IOException failure) {
        super("the server had closed the reused connection: " + failure.getMessage(), failure);
    }

    /** The failure as it happened, for when sending again is not possible. */
    IOException failure() {
        return (IOException) getCause();
    }
}
