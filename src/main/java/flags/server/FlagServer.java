package flags.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flag server of SPEC §4 ({@code flags serve} and the embedded server of the download commands):
 * Jetty with one connector, a small bounded thread pool and one scheduler thread that releases
 * delayed answers. Threads are daemons, so a forgotten server never keeps the JVM alive.
 *
 * <pre>{@code
 * try (FlagServer server = FlagServer.start(ServerConfig.embedded(delay, jitter, 0))) {
 *     URI base = server.baseUrl(); // http://127.0.0.1:PORT/flags
 * }
 * }</pre>
 */
public final class FlagServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlagServer.class);

    /** Prefix of every thread the server starts (pool threads and the scheduler). */
    public static final String THREAD_NAME_PREFIX = "flags-server";

    /** Classpath location of the sample bundled in the jar. */
    public static final String BUNDLED_SAMPLE = "flags-sample/";

    static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 2;
    private static final int ACCEPT_QUEUE = 2048;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;
    private final CountingThreadPool pool;
    private final FlagHandler handler;
    private final URI baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private FlagServer(Server server, ServerConnector connector, CountingThreadPool pool, FlagHandler handler,
                       URI baseUrl) {
        this.server = server;
        this.connector = connector;
        this.pool = pool;
        this.handler = handler;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts a server and returns once it accepts connections.
     *
     * @throws IOException              the address cannot be bound (port in use, unknown host)
     * @throws IllegalArgumentException {@code config.dir()} is not a directory
     */
    public static FlagServer start(ServerConfig config) throws IOException {
        FlagSource source = config.dir() == null
                ? FlagSource.classpath(FlagServer.class.getClassLoader(), BUNDLED_SAMPLE)
                : FlagSource.directory(config.dir());
        return start(config, source);
    }

    /** Starts a server on {@code source}; {@code config.dir()} is ignored. */
    static FlagServer start(ServerConfig config, FlagSource source) throws IOException {
        Faults faults = new Faults(config.delay(), config.jitter(), config.errorRate(), config.seed());

        CountingThreadPool pool = new CountingThreadPool(MAX_THREADS, MIN_THREADS);
        pool.setName(THREAD_NAME_PREFIX);
        pool.setDaemon(true);
        pool.setStopTimeout(500);
        ScheduledExecutorScheduler scheduler =
                new ScheduledExecutorScheduler(THREAD_NAME_PREFIX + "-scheduler", true);
        Server server = new Server(pool, scheduler, null);
        server.setStopTimeout(0); // no graceful phase: close() drops waiting requests at once

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        // A connection waiting for a delayed answer is not idle: never time it out before the answer.
        connector.setIdleTimeout(IDLE_TIMEOUT.plus(faults.longestWait()).toMillis());
        server.addConnector(connector);

        FlagHandler handler = new FlagHandler(source, faults, config.errorStatus(), scheduler);
        server.setHandler(handler);

        String where = config.bind() + ":" + config.port();
        try {
            // Bind before starting, so a port in use is one IOException, not a logged lifecycle failure.
            connector.open();
        } catch (IOException e) {
            connector.close();
            throw new IOException("cannot listen on " + where + ": " + rootMessage(e), e);
        }
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("cannot start the server on " + where + ": " + rootMessage(e), e);
        }
        return new FlagServer(server, connector, pool, handler,
                baseUrl(config.bind(), connector.getLocalPort()));
    }

    /** The base URL of the flags, without trailing slash, e.g. {@code http://127.0.0.1:40123/flags}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The most threads the server ran at once: its pool's peak plus the one scheduler thread. */
    public int peakThreads() {
        return pool.peakThreads() + 1;
    }

    /** The threads of the server's pool right now. */
    public int threads() {
        return pool.getThreads();
    }

    /** The requests waiting for their delay right now. */
    public int waiting() {
        return handler.waiting();
    }

    /** The most requests that were waiting for their delay at the same time. */
    public int peakWaiting() {
        return handler.peakWaiting();
    }

    /** Blocks until {@link #close()} has stopped the server. */
    public void join() throws InterruptedException {
        stopped.await();
    }

    /** Stops listening, drops waiting requests and stops every server thread; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stopQuietly(server);
        } finally {
            stopped.countDown();
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("error while stopping the flag server: {}", e.toString());
        }
    }

    private static URI baseUrl(String bind, int port) {
        String host = bind;
        try {
            if (InetAddress.getByName(bind).isAnyLocalAddress()) {
                host = "localhost";
            }
        } catch (UnknownHostException e) {
            // cannot happen once bound; keep the name as given
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new URI("http", null, host, port, "/flags", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad bind address: " + bind, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof java.nio.channels.UnresolvedAddressException) {
            return "unknown host";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
