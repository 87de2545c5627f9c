package flags.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flag server ({@code flags serve} and the embedded server of the download commands): Jetty with one
 * connector, a small bounded thread pool and one scheduler thread that releases delayed answers. Overload
 * makes it slower, never dead: open connections are capped below the descriptor limit, request heads have a
 * deadline, idle keep-alive connections are closed, and {@link #close()} returns within a second whatever
 * state Jetty is in. Threads are daemons, so a forgotten server never keeps the JVM alive.
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
    /** What the kernel may hold waiting to be accepted while the server is at its connection cap. */
    private static final int ACCEPT_QUEUE = 4096;
    /** How long a kept-alive connection may sit between an answer and its next request. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** {@link #close()} gives Jetty this long, then leaves its (daemon) threads to the JVM's exit. */
    static final Duration STOP_LIMIT = Duration.ofMillis(800);

    private final Server server;
    private final CountingThreadPool pool;
    private final FlagHandler handler;
    private final HeadDeadline heads;
    private final OptionalInt connectionCap;
    private final InetSocketAddress address;
    private final URI baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private FlagServer(
            Server server,
            CountingThreadPool pool,
            FlagHandler handler,
            HeadDeadline heads,
            OptionalInt connectionCap,
            InetSocketAddress address) {
        this.server = server;
        this.pool = pool;
        this.handler = handler;
        this.heads = heads;
        this.connectionCap = connectionCap;
        this.address = address;
        this.baseUrl = baseUrl(address);
    }

    /**
     * Starts a server and returns once it accepts connections.
     *
     * @throws IOException              the address cannot be bound (port in use, unknown host)
     * @throws IllegalArgumentException {@code config.dir()} is not a directory
     */
    public static FlagServer start(ServerConfig config) throws IOException {
        return start(config, null);
    }

    /** Like {@link #start(ServerConfig)}, and each answer's access-log line goes to {@code accessLog}. */
    public static FlagServer start(ServerConfig config, Consumer<String> accessLog) throws IOException {
        FlagSource source = config.dir() == null
                ? FlagSource.classpath(FlagServer.class.getClassLoader(), BUNDLED_SAMPLE)
                : FlagSource.directory(config.dir());
        return start(config, source, accessLog);
    }

    /** Starts a server on {@code source}; {@code config.dir()} is ignored; {@code accessLog} may be null. */
    static FlagServer start(ServerConfig config, FlagSource source, Consumer<String> accessLog) throws IOException {
        return start(config, source, accessLog, IDLE_TIMEOUT);
    }

    /** With another keep-alive idle timeout, for tests that cannot wait {@link #IDLE_TIMEOUT}. */
    static FlagServer start(ServerConfig config, FlagSource source, Consumer<String> accessLog, Duration idleTimeout)
            throws IOException {
        initialiseNioDispatcher();
        Faults faults = new Faults(config.delay(), config.jitter(), config.errorRate(), config.seed());

        CountingThreadPool pool = new CountingThreadPool(MAX_THREADS, MIN_THREADS);
        pool.setName(THREAD_NAME_PREFIX);
        pool.setDaemon(true);
        pool.setStopTimeout(500);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler(THREAD_NAME_PREFIX + "-scheduler", true);
        Server server = new Server(pool, scheduler, null);
        server.setStopTimeout(0); // no graceful phase: close() drops waiting requests at once

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        FlagConnector connector = new FlagConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        // Jetty's idle timeout does not cut a request whose answer is being delayed (no I/O is pending then),
        // so it is the keep-alive idle time, whatever the delay.
        connector.setIdleTimeout(idleTimeout.toMillis());
        HeadDeadline heads = new HeadDeadline(config.headerTimeout());
        connector.addBean(heads);
        server.addConnector(connector);
        // Read once, before any connection: each open connection takes one descriptor.
        OptionalInt cap = Descriptors.ofThisProcess().connectionCap();
        cap.ifPresent(max -> server.addBean(new ConnectionCap(max, connector)));

        FlagHandler handler = new FlagHandler(source, faults, config.errorStatus(), scheduler, heads);
        server.setHandler(handler);
        if (accessLog != null) {
            server.setRequestLog(new AccessLog(accessLog));
        }

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
        heads.start(scheduler);
        InetSocketAddress bound =
                (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
        return new FlagServer(server, pool, handler, heads, cap, bound);
    }

    /**
     * The JDK's NIO file dispatcher makes a socket pair when its class is initialised, which on JDK 17 happens
     * at the first gathering write or channel close: a fresh server flooded past its descriptor limit failed
     * there, the class was then unusable for good ({@code NoClassDefFoundError} on every later write and
     * close), descriptors were never released and the server never answered or stopped again. Closing a
     * selector initialises it now, while descriptors are free.
     */
    private static void initialiseNioDispatcher() throws IOException {
        Selector.open().close();
    }

    /**
     * The base URL of the flags, without trailing slash, e.g. {@code http://127.0.0.1:40123/flags}; for a
     * wildcard bind, {@code localhost}, which reaches it from this machine.
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The address and port actually bound (for {@code --bind localhost}, the address it resolved to). */
    public InetSocketAddress address() {
        return address;
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return address.getPort();
    }

    /** The most connections held open at once (below the descriptor limit); empty when there is no limit. */
    public OptionalInt connectionCap() {
        return connectionCap;
    }

    /** The most threads the server ran at once: its pool's peak plus the one scheduler thread. */
    public int peakThreads() {
        return pool.peakThreads() + 1;
    }

    /** The threads of the server's pool right now. */
    public int threads() {
        return pool.getThreads();
    }

    /** The requests received and not yet completely answered. */
    public int inFlight() {
        return handler.inFlight();
    }

    /** Connections closed because their request head was not complete within the header timeout. */
    public long headTimeouts() {
        return heads.closed();
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

    /**
     * Stops listening, drops waiting requests and stops every server thread; idempotent. Returns within
     * {@link #STOP_LIMIT} even if Jetty does not stop (a selector that died can leave Jetty's stop waiting
     * for it forever), with a warning; the threads left are daemons and end with the JVM.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Thread stopper = new Thread(() -> stopQuietly(server), THREAD_NAME_PREFIX + "-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(STOP_LIMIT.toMillis());
            if (stopper.isAlive()) {
                LOG.warn(
                        "the flag server did not stop within {} ms; leaving it to the end of the process",
                        STOP_LIMIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static URI baseUrl(InetSocketAddress bound) {
        InetAddress ip = bound.getAddress();
        String host = ip.isAnyLocalAddress() ? "localhost" : ip.getHostAddress();
        try {
            return new URI("http", null, host, bound.getPort(), "/flags", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad bound address: " + bound, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
