package flags.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients: heads sent a byte at a time are cut at the header timeout, idle kept-alive connections at
 * the idle timeout, and neither holds up anyone else. Bounds are loose on purpose (a busy CI machine);
 * the measured times are in docs/benchmarks.md.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowClientTest {

    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);

    /**
     * Closed before this, a connection was closed by the header timeout (or the short idle timeout), not by the 30 s
     * idle timeout; a busy machine is many seconds late at most.
     */
    private static final Duration NOT_IDLE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private FlagServer start(Duration idleTimeout) throws IOException {
        SampleDir.create(dir, "br", "cn", "in", "us", "id", "pk", "ng", "bd", "ru", "jp");
        ServerConfig config = new ServerConfig(
                "127.0.0.1", 0, dir, Duration.ZERO, Duration.ZERO, 0, 418, OptionalLong.empty(), HEADER_TIMEOUT);
        return FlagServer.start(config, FlagSource.directory(dir), null, idleTimeout);
    }

    @Test
    void aSlowlorisIsCutAtTheHeaderTimeoutWhileOthersAreAnsweredAtOnce() throws Exception {
        try (FlagServer server = start(Duration.ofSeconds(30))) {
            LoadGenerator.SlowResult r = LoadGenerator.slowloris(server.port(), 300, Duration.ofMillis(200), 30);
            System.out.println("slowloris, header timeout 1 s: " + r.summary());

            assertEquals(300, r.closedByServer(), r.summary());
            assertEquals(300, server.headTimeouts());
            assertTrue(r.firstClosed().compareTo(HEADER_TIMEOUT) >= 0, "never before the timeout: " + r.summary());
            assertTrue(r.lastClosed().compareTo(NOT_IDLE) < 0, r.summary());
            // A probe a round until the slow connections are cut: fewer rounds fit on a busy machine.
            assertFalse(r.probes().isEmpty(), r.summary());
            for (Duration probe : r.probes()) {
                assertTrue(probe.toMillis() < 1_000, "an ordinary request during the slowloris: " + r.summary());
            }
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeaderTimeout() throws Exception {
        try (FlagServer server = start(Duration.ofSeconds(30));
                Socket socket = new Socket("127.0.0.1", server.port())) {
            long ms = msUntilClosed(socket);
            assertTrue(ms >= 900 && ms < NOT_IDLE.toMillis(), "closed after " + ms + " ms, nothing sent");
            assertEquals(1, server.headTimeouts());
        }
    }

    @Test
    void onAKeptAliveConnectionTheClockStartsAtTheFirstByteOfTheNextHead() throws Exception {
        try (FlagServer server = start(Duration.ofSeconds(30));
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request("br").getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, readAnswer(socket.getInputStream()));

            Thread.sleep(1_500); // idle past the header timeout: idle is not a late head
            out.write(request("cn").getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, readAnswer(socket.getInputStream()), "still open after 1.5 s idle");

            byte[] next = request("in").getBytes(StandardCharsets.US_ASCII);
            long first = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) { // a byte every 100 ms: the head needs 8 s
                try {
                    out.write(next[i]);
                    out.flush();
                    Thread.sleep(100);
                    socket.setSoTimeout(1);
                    closed = socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing to read yet
                } catch (SocketException reset) {
                    closed = true;
                }
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first);
            assertTrue(closed, "the trickled head was never cut");
            assertTrue(ms >= 1_000 && ms < NOT_IDLE.toMillis(), "cut " + ms + " ms after its first byte");
            assertEquals(1, server.headTimeouts());
        }
    }

    @Test
    void idleKeptAliveConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        try (FlagServer server = start(Duration.ofMillis(1_500));
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request("br").getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, readAnswer(socket.getInputStream()));
            long ms = msUntilClosed(socket);
            assertTrue(ms >= 1_400 && ms < NOT_IDLE.toMillis(), "closed after " + ms + " ms idle");
            assertEquals(0, server.headTimeouts(), "closed as idle, not as a late head");
        }
    }

    /** Waits (20 s at most) for the server to close {@code socket}; returns how long that took. */
    private static long msUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(20_000);
        long t0 = System.nanoTime();
        assertEquals(-1, socket.getInputStream().read(), "closed by the server, nothing more sent");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static String request(String cc) {
        return "GET /flags/" + cc + "/" + cc + ".gif HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /** Reads one answer (head and Content-Length body) and returns its status. */
    private static int readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head: " + head);
            }
            head.append((char) b);
        }
        long length = head.toString()
                .lines()
                .filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15))
                .mapToLong(l -> Long.parseLong(l.substring(15).trim()))
                .findFirst()
                .orElse(0);
        in.readNBytes((int) length);
        return Integer.parseInt(head.toString().split(" ")[1]);
    }
}
