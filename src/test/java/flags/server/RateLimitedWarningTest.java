package flags.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedWarningTest {

    @Test
    void oneLinePerIntervalAndTheNextSaysHowManyWereSkipped() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000);
        RateLimitedWarning warning = new RateLimitedWarning(lines::add, Duration.ofSeconds(10), now::get);

        assertTrue(warning.warn("cannot accept"));
        for (int i = 0; i < 99; i++) { // a failing accept loop, ten times a second for ten seconds
            now.addAndGet(Duration.ofMillis(100).toNanos() - 1);
            assertFalse(warning.warn("cannot accept"));
        }
        now.addAndGet(Duration.ofMillis(200).toNanos());
        assertTrue(warning.warn("cannot accept"));

        assertEquals(List.of("cannot accept", "cannot accept (99 more since the last such warning)"), lines);
    }
}
