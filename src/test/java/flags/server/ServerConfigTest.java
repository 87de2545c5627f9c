package flags.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    private static ServerConfig config(int port, Duration delay, Duration jitter, double rate, int status) {
        return new ServerConfig("127.0.0.1", port, null, delay, jitter, rate, status, OptionalLong.empty());
    }

    private static String rejected(int port, Duration delay, Duration jitter, double rate, int status) {
        return assertThrows(IllegalArgumentException.class, () -> config(port, delay, jitter, rate, status))
                .getMessage();
    }

    @Test
    void acceptsTheLimits() {
        ServerConfig low = config(0, Duration.ZERO, Duration.ZERO, 0, 200);
        assertEquals(
                List.of(0, Duration.ZERO, Duration.ZERO, 0.0, 200),
                List.of(low.port(), low.delay(), low.jitter(), low.errorRate(), low.errorStatus()));
        ServerConfig high = config(65535, Duration.ofHours(1), Duration.ofHours(1), 1, 599);
        assertEquals(
                List.of(65535, Duration.ofHours(1), Duration.ofHours(1), 1.0, 599),
                List.of(high.port(), high.delay(), high.jitter(), high.errorRate(), high.errorStatus()));
        assertEquals(ServerConfig.DEFAULT_HEADER_TIMEOUT, high.headerTimeout());
        assertEquals(
                Duration.ofNanos(1),
                new ServerConfig(
                                "127.0.0.1",
                                0,
                                null,
                                Duration.ZERO,
                                Duration.ZERO,
                                0,
                                418,
                                OptionalLong.empty(),
                                Duration.ofNanos(1))
                        .headerTimeout());
    }

    @Test
    void theHeaderTimeoutMustBePositive() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new ServerConfig(
                            "127.0.0.1", 0, null, Duration.ZERO, Duration.ZERO, 0, 418, OptionalLong.empty(), bad));
        }
        assertEquals(
                "header timeout must be more than 0, got 0s",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new ServerConfig(
                                        "127.0.0.1",
                                        0,
                                        null,
                                        Duration.ZERO,
                                        Duration.ZERO,
                                        0,
                                        418,
                                        OptionalLong.empty(),
                                        Duration.ZERO))
                        .getMessage());
    }

    @Test
    void rejectsBadValuesWithClearMessages() {
        Duration s = Duration.ofSeconds(1);
        assertEquals("delay must not be negative, got -0.5s", rejected(0, Duration.ofMillis(-500), s, 0, 418));
        assertEquals("jitter must not be negative, got -1s", rejected(0, s, Duration.ofSeconds(-1), 0, 418));
        assertEquals("error rate must be between 0 and 1, got 1.5", rejected(0, s, s, 1.5, 418));
        assertEquals("error rate must be between 0 and 1, got -0.1", rejected(0, s, s, -0.1, 418));
        assertEquals("error rate must be between 0 and 1, got NaN", rejected(0, s, s, Double.NaN, 418));
        assertEquals("error status must be a final HTTP status between 200 and 599, got 99", rejected(0, s, s, 0, 99));
        assertEquals(
                "error status must be a final HTTP status between 200 and 599, got 600", rejected(0, s, s, 0, 600));
        assertEquals("port must be between 0 and 65535, got 65536", rejected(65536, s, s, 0, 418));
        assertEquals("port must be between 0 and 65535, got -1", rejected(-1, s, s, 0, 418));
    }

    @Test
    void embeddedIsAFreeLoopbackPortOnTheBundledSample() {
        ServerConfig c = ServerConfig.embedded(Duration.ofMillis(100), Duration.ofMillis(100), 0);
        assertEquals("127.0.0.1", c.bind());
        assertEquals(0, c.port());
        assertNull(c.dir());
        assertEquals(418, c.errorStatus());
        assertEquals(OptionalLong.empty(), c.seed());
    }
}
