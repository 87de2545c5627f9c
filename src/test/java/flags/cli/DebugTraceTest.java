package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import flags.testing.Cli;
import flags.testing.FakeFlags;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code --debug}: one line per request and per retry wait, through Logback, like {@code curl -v}'s summary. */
@Timeout(30)
class DebugTraceTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    private final Logger flags = (Logger) LoggerFactory.getLogger("flags");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void fromTheDefaultLevel() {
        flags.setLevel(null); // another test's --debug in this JVM may have turned it up
    }

    @AfterEach
    void detach() {
        flags.detachAppender(captured);
        flags.setLevel(null);
    }

    @Test
    void aRetriedRequestIsTracedAttemptByAttemptWithItsWait() {
        int[] hits = {0};
        server.setDispatcher(new FakeFlags(cc -> ++hits[0] == 1
                ? new MockResponse.Builder().code(503).body("busy").build()
                : FakeFlags.gifResponse(cc)));
        captured.start();
        flags.addAppender(captured);

        Cli.Run run = Cli.run(
                "seq",
                "--debug",
                "BR",
                "-s",
                server.url("/flags").toString(),
                "-o",
                tmp.resolve("o").toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = captured.list.stream()
                .filter(e -> e.getLevel() == Level.DEBUG)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        String url = server.url("/flags/br/br.gif").toString();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(
                lines.get(0)
                        .matches("GET " + url.replace(".", "\\.") + " -> 503 error: HTTP 503 Server Error in \\d+ ms"
                                + " \\(attempt 1 of 3\\)"),
                lines.get(0));
        assertTrue(
                lines.get(1)
                        .matches("GET " + url.replace(".", "\\.") + ": waiting [0-9.]+s before attempt 2 of 3 "
                                + "\\(backoff after HTTP 503 Server Error\\)"),
                lines.get(1));
        assertTrue(
                lines.get(2)
                        .matches("GET " + url.replace(".", "\\.") + " -> 200 ok, \\d+ bytes in \\d+ ms"
                                + " \\(attempt 2 of 3\\)"),
                lines.get(2));
    }

    @Test
    void withoutDebugNothingIsTraced() {
        server.setDispatcher(FakeFlags.allFound());
        captured.start();
        flags.addAppender(captured);
        Cli.Run run = Cli.run(
                "seq",
                "BR",
                "-s",
                server.url("/flags").toString(),
                "-o",
                tmp.resolve("o").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                List.of(),
                captured.list.stream().filter(e -> e.getLevel() == Level.DEBUG).toList());
    }
}
