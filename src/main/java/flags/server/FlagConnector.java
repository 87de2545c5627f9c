package flags.server;

import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector whose failed accepts (out of descriptors, mostly) cost one rate-limited warning line and a
 * short pause, where Jetty logs a stack trace and sleeps a whole second each time: the server is back within
 * a tenth of a second once descriptors are free again.
 */
final class FlagConnector extends ServerConnector {

    private static final Logger LOG = LoggerFactory.getLogger(FlagConnector.class);
    static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

    private final RateLimitedWarning warning = new RateLimitedWarning(LOG::warn, Duration.ofSeconds(10));

    FlagConnector(Server server, ConnectionFactory factory) {
        super(server, 1, 1, factory);
    }

    @Override
    protected boolean handleAcceptFailure(Throwable failure) {
        if (!isRunning() || failure instanceof InterruptedException || failure instanceof ClosedByInterruptException) {
            return super.handleAcceptFailure(failure); // stopping: Jetty ends the acceptor quietly
        }
        warning.warn("cannot accept a connection on " + getHost() + ":" + getLocalPort() + ": " + failure
                + "; retrying every " + ACCEPT_RETRY.toMillis() + " ms");
        try {
            Thread.sleep(ACCEPT_RETRY.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt(); // only a stop interrupts an acceptor: let it end
            return false;
        }
    }
}
