package flags.cli;

import flags.server.FlagServer;
import flags.server.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flags serve}: the flag server in the foreground, until Ctrl-C or SIGTERM. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Serve flags over HTTP with delays and errors, like Fluent Python's slow_server.py.",
            "GET/HEAD /flags/cc/cc.gif and /flags/cc/metadata.json; every answer, 404s included, "
                    + "waits delay + uniform(0, jitter) seconds, and with probability --error-rate "
                    + "is --error-status instead. Prints its URL, then runs until Ctrl-C.",
            "Overload makes it slower, never dead: open connections are capped below the descriptor "
                    + "limit (the rest wait to be accepted), a request head must be complete within "
                    + "--header-timeout, and kept-alive connections idle for "
                    + "30 s (2 s while at the cap) are closed."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  flags serve --port 8000 --delay 0 --jitter 0      # LOCAL",
            "  flags serve --port 8001                           # DELAY",
            "  flags serve --port 8002 --error-rate 0.25         # ERROR",
            "  flags serve -v                                    # one line per answer"
        })
public final class ServeCommand implements Callable<Integer> {
    // serve's own defaults, slower than the embedded server's (DownloadMixin): the DELAY server of the examples.
    static final Duration DEFAULT_DELAY = Duration.ofMillis(500);
    static final Duration DEFAULT_JITTER = Duration.ofMillis(500);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8001",
            paramLabel = "PORT",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDR",
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "directory with cc/cc.gif and cc/metadata.json (default: the sample bundled in the jar)")
    Path dir;

    @Mixin
    ServerFaultsMixin faults; // --delay, --jitter, --error-rate

    @Option(
            names = "--error-status",
            defaultValue = "418",
            paramLabel = "CODE",
            description = "HTTP status of the error answers, 200..599 (default: ${DEFAULT-VALUE})")
    int errorStatus;

    @Option(
            names = "--header-timeout",
            defaultValue = "10",
            paramLabel = "S",
            converter = SecondsConverter.Positive.class,
            description = "close a connection that has not sent a complete request head within S seconds "
                    + "(default: ${DEFAULT-VALUE})")
    Duration headerTimeout;

    @Option(
            names = {"-v", "--access-log"},
            description = "print one line per answer on stdout: common log format, then the delay applied "
                    + "and the requests in flight")
    boolean accessLog;

    @Override
    public Integer call() {
        // The options' own ranges, in the one form of a bad value; ServerConfig keeps its checks as invariants.
        if (port < 0 || port > 65_535) {
            throw UsageException.badValue("--port", "0..65535", port);
        }
        if (bind.isBlank()) {
            throw UsageException.badValue("--bind", "an address or a host name", bind);
        }
        faults.checkRanges();
        if (errorStatus < 200 || errorStatus > 599) {
            throw UsageException.badValue("--error-status", "a final HTTP status 200..599", errorStatus);
        }
        ServerConfig config;
        try {
            config = new ServerConfig(
                    bind,
                    port,
                    dir,
                    faults.delay(DEFAULT_DELAY),
                    faults.jitter(DEFAULT_JITTER),
                    faults.errorRate(),
                    errorStatus,
                    faults.seed(),
                    headerTimeout);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        FlagServer server;
        try {
            server = FlagServer.start(
                    config,
                    accessLog
                            ? line -> {
                                out.println(line);
                                out.flush(); // line by line, so requests can be watched as they arrive
                            }
                            : null);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        // Ctrl-C runs the shutdown hooks: stop the server there, which also releases join() below.
        Thread hook = new Thread(server::close, "flags-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(banner(config, server.address(), server.baseUrl()));
        out.flush();
        bindWarning(server.address()).ifPresent(warning -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println("flags serve: warning: " + warning);
            err.flush();
        });
        boolean interrupted = false;
        try {
            server.join();
        } catch (InterruptedException e) {
            interrupted = true; // the flag is now clear, so close() below can wait for the server threads
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException jvmExiting) {
                // Ctrl-C: the hook has closed the server and the JVM exits with 130 once it is done
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // Only Ctrl-C or an interrupt ends the command, and both are interruptions.
        return ExitCodes.INTERRUPTED;
    }

    /**
     * {@code Serving flags-sample on http://127.0.0.1:8001/flags (delay 0.5s + up to 0.5s jitter, error rate 0%)};
     * for a wildcard bind, {@code on 0.0.0.0:8001, every interface, as http://localhost:8001/flags from this machine}.
     */
    static String banner(ServerConfig c, InetSocketAddress bound, URI baseUrl) {
        String source = c.dir() == null
                ? "flags-sample"
                : c.dir().toAbsolutePath().normalize().toString();
        StringBuilder sb = new StringBuilder("Serving ").append(source).append(" on ");
        if (bound.getAddress().isAnyLocalAddress()) {
            sb.append(hostPort(bound))
                    .append(", every interface, as ")
                    .append(baseUrl)
                    .append(" from this machine");
        } else {
            sb.append(baseUrl);
        }
        sb.append(" (delay ")
                .append(SecondsConverter.format(c.delay()))
                .append('s')
                .append(" + up to ")
                .append(SecondsConverter.format(c.jitter()))
                .append("s jitter")
                .append(", error rate ")
                .append(percent(c.errorRate()))
                .append('%');
        if (c.errorRate() > 0) {
            sb.append(" answered ").append(c.errorStatus());
        }
        c.seed().ifPresent(s -> sb.append(", seed ").append(s));
        return sb.append(')').toString();
    }

    /** What to tell a user whose server other machines can reach; empty on loopback. */
    static Optional<String> bindWarning(InetSocketAddress bound) {
        InetAddress ip = bound.getAddress();
        if (ip.isLoopbackAddress()) {
            return Optional.empty();
        }
        String what = ip.isAnyLocalAddress() ? "every interface" : "not loopback";
        return Optional.of(hostPort(bound) + " is " + what + ": the server is reachable from the network");
    }

    private static String hostPort(InetSocketAddress bound) {
        InetAddress ip = bound.getAddress();
        String host = ip instanceof Inet6Address
                ? "[" + (ip.isAnyLocalAddress() ? "::" : ip.getHostAddress()) + "]"
                : ip.getHostAddress();
        return host + ":" + bound.getPort();
    }

    private static String percent(double rate) {
        return new BigDecimal(rate * 100, new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }
}
