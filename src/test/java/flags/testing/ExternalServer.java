package flags.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import okhttp3.HttpUrl;

/**
 * A real server program (python3, nginx, lighttpd, busybox, apache2, tinyproxy, microsocks) run as a child
 * process on a loopback port, for as long as a test needs it, and stopped by its own handle.
 */
public final class ExternalServer implements AutoCloseable {
    /** A program listens within a second or two, on a busy machine too; only one that never will takes this long. */
    private static final Duration READY = Duration.ofSeconds(30);

    private static final int TRIES = 3;

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ExternalServer(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The first of {@code paths} that is an executable file, if any: tests skip when a program is missing. */
    public static Optional<Path> find(String... paths) {
        return Arrays.stream(paths).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts the command {@code commandFor} builds for a free loopback port, and waits until that port accepts
     * connections. A port taken meanwhile by someone else makes the program exit: it is tried again on another.
     */
    public static ExternalServer start(String name, Path workDir, IntFunction<List<String>> commandFor)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            int port = freePort();
            Path log = workDir.resolve(name + "-" + attempt + ".log");
            Process process = new ProcessBuilder(commandFor.apply(port))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ExternalServer server = new ExternalServer(name, process, port, log);
            if (server.awaitListening()) {
                return server;
            }
            server.close();
            last = new IOException(name + " did not listen on port " + port + ": " + server.output());
        }
        throw last;
    }

    public int port() {
        return port;
    }

    public HttpUrl url(String path) {
        return HttpUrl.get("http://127.0.0.1:" + port + path);
    }

    /** What the program printed so far (its log), for failure messages. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }

    /** Polls the port (a bounded loop): none of these programs says on its own when it is ready. */
    private boolean awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        return false;
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
