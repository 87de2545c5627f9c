package flags.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.security.Security;
import java.util.List;
import java.util.Locale;

/**
 * One-time JDK set-up that a run needs later, done on another core while picocli builds the command line (its
 * longest step): the list of locales Jetty's MIME table reads (~25 ms in a cold JVM), the security providers
 * OkHttp and temporary files look up, the random source of temporary file names, the number formats of the
 * summary, NIO's selector. Only thread-safe JDK calls, whose results the JDK caches: a library's own
 * initialisation (Logback's, Jetty's) stays on the thread that needs it.
 */
final class Warmup {
    /** Not serve: it counts its open descriptors as it starts, and a thread opening some meanwhile would skew that. */
    private static final List<String> BUSY = List.of("seq", "threads", "async", "nio", "bench");

    private Warmup() {}

    /** Starts the warm-up for the commands that download; a daemon thread, so it never holds up the exit. */
    static void start(String[] args) {
        if (args.length == 0 || !BUSY.contains(args[0])) {
            return;
        }
        Thread thread = new Thread(() -> run(servesLocally(args)), "flags-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether this run starts the embedded flag server: not when a server option is among the arguments. A guess
     * made before picocli reads them: a wrong one only wastes or misses a warm-up.
     */
    static boolean servesLocally(String[] args) {
        for (String arg : args) {
            boolean shortCluster = arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('s') > 0;
            if (arg.startsWith("--server") || shortCluster) {
                return false;
            }
        }
        return true;
    }

    private static void run(boolean server) {
        try {
            if (server) {
                Locale.getAvailableLocales();
            }
            Security.getProviders();
            new SecureRandom().nextLong();
            String.format("%.2f", 0.5);
            Selector.open().close();
            ProcessHandle.current().info().startInstant();
            InetAddress.getLoopbackAddress();
        } catch (IOException | RuntimeException e) {
            // Whatever fails here fails again where the run needs it, and is reported there.
        }
    }
}
