package flags.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static List<Faults.Draw> draws(Faults faults, int n) {
        List<Faults.Draw> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(faults.next());
        }
        return out;
    }

    @Test
    void aSeedGivesTheSameDelaysAndErrors() {
        Duration d = Duration.ofMillis(100);
        Duration j = Duration.ofMillis(200);
        assertEquals(
                draws(new Faults(d, j, 0.3, OptionalLong.of(7)), 200),
                draws(new Faults(d, j, 0.3, OptionalLong.of(7)), 200));
    }

    @Test
    void theErrorSequenceOfASeedDoesNotDependOnDelayOrJitter() {
        List<Boolean> a = draws(new Faults(Duration.ZERO, Duration.ZERO, 0.5, OptionalLong.of(42)), 100).stream()
                .map(Faults.Draw::error)
                .toList();
        List<Boolean> b =
                draws(new Faults(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, OptionalLong.of(42)), 100).stream()
                        .map(Faults.Draw::error)
                        .toList();
        assertEquals(a, b);
    }

    @Test
    void delaysStayWithinDelayPlusJitter() {
        long delay = Duration.ofMillis(100).toNanos();
        long jitter = Duration.ofMillis(50).toNanos();
        List<Faults.Draw> all =
                draws(new Faults(Duration.ofNanos(delay), Duration.ofNanos(jitter), 0, OptionalLong.empty()), 10_000);
        assertTrue(all.stream().allMatch(x -> x.delayNanos() >= delay && x.delayNanos() < delay + jitter));
        assertTrue(all.stream().anyMatch(x -> x.delayNanos() > delay + jitter * 9 / 10), "jitter is spread");
        assertTrue(all.stream().noneMatch(Faults.Draw::error));
    }

    @Test
    void rateOneAlwaysFailsAndRateHalfFailsAboutHalf() {
        assertTrue(draws(new Faults(Duration.ZERO, Duration.ZERO, 1, OptionalLong.empty()), 1000).stream()
                .allMatch(Faults.Draw::error));
        long errors = draws(new Faults(Duration.ZERO, Duration.ZERO, 0.5, OptionalLong.of(1)), 10_000).stream()
                .filter(Faults.Draw::error)
                .count();
        assertTrue(errors > 4500 && errors < 5500, String.valueOf(errors));
    }
}
