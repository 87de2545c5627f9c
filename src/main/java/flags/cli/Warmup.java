package flags.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Locale;

/**
 * One-time JDK set-up that a download needs later, done on another core while picocli builds the command line (its
 * longest step): the list of locales Jetty's MIME table reads (~25 ms in a cold JVM; wasted only when -s names
 * another server), the security providers OkHttp and temporary files look up, the random source of temporary file
 * names, the number formats of the summary, NIO's selector. Only thread-safe JDK calls, whose results the JDK
 * caches: a library's own initialisation (Logback's, Jetty's) stays on the thread that needs it. Not for
 * {@code flags serve}: it counts its open descriptors as it starts, and a thread opening some meanwhile would skew
 * that.
 */
final class Warmup {
    private Warmup() {}

    /** Starts the warm-up on a daemon thread, so it never holds up the exit. */
    static void start() {
        Thread thread = new Thread(Warmup::run, "flags-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            Locale.getAvailableLocales();
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
