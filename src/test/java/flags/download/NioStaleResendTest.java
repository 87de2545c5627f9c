package flags.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.testing.Bodies;
import flags.testing.RawServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nio against a server that closes connections without answering, as one with a keep-alive timeout of a
 * millisecond does to its idle ones under load: a server that has answered gets as many free resends as the
 * blocking client gives, while one that never answered gets one (each also costs the JDK client's own retry).
 */
@Tag("strategies") // the JDK client differs between versions: CI runs this again on a JDK 21+
class NioStaleResendTest {
    @TempDir
    Path out;

    @Test
    void aServerThatAnsweredGetsItsRequestsResentOnTheNextConnections() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (RawServer server = RawServer.start(request -> {
            int nth = seen.incrementAndGet();
            if (nth >= 2 && nth <= 5) {
                return null; // four connections closed before a byte of an answer
            }
            String cc = request.path().substring("/flags/".length(), "/flags/".length() + 2);
            return RawServer.ok("image/gif", Bodies.gif(cc.toUpperCase(Locale.ROOT)));
        })) {
            List<DownloadResult> results =
                    BatchHarness.run(new NioStrategy(1), List.of("BR", "CN"), server.url("/flags"), out, 0);
            for (DownloadResult r : results) {
                assertEquals(Status.OK, r.status(), String.valueOf(r));
                assertEquals(1, r.attempts(), "closed connections are not attempts: " + r);
                assertArrayEquals(Bodies.gif(r.cc()), Files.readAllBytes(r.file()), r.cc());
            }
        }
    }

    @Test
    void aServerThatNeverAnsweredIsNotAskedOverAndOver() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (RawServer server = RawServer.start(request -> {
            seen.incrementAndGet();
            return null;
        })) {
            List<DownloadResult> results =
                    BatchHarness.run(new NioStrategy(1), List.of("BR"), server.url("/flags"), out, 0);
            assertEquals(Status.ERROR, results.get(0).status(), String.valueOf(results.get(0)));
            assertEquals(4, seen.get(), "the JDK's retry, one resend of ours, and the JDK's retry of that");
        }
    }
}
