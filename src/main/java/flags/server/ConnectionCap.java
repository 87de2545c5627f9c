package flags.server;

import java.time.Duration;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's network connection limit, which stops accepting at the cap so further connections wait in the
 * kernel's accept backlog, with a rate-limited warning when it is reached (Jetty's own note is at info level,
 * below what the command shows).
 */
final class ConnectionCap extends NetworkConnectionLimit {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCap.class);

    /** Idle keep-alive connections make room sooner while others wait to be accepted. */
    static final Duration IDLE_TIMEOUT_AT_CAP = Duration.ofSeconds(2);

    private final RateLimitedWarning warning = new RateLimitedWarning(LOG::warn, Duration.ofSeconds(10));
    private final int cap;

    ConnectionCap(int cap, Connector connector) {
        super(cap, connector);
        this.cap = cap;
        setEndPointIdleTimeout(IDLE_TIMEOUT_AT_CAP.toMillis());
    }

    @Override
    protected void limit() {
        super.limit();
        warning.warn("at the cap of " + cap + " open connections (below the descriptor limit): "
                + "new connections wait to be accepted");
    }
}
