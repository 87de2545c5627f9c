package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecondsTest {
    @ParameterizedTest(name = "{0} ms: {1}, {2}")
    @CsvSource({
        "500, 0.5, 0.500",
        "10000, 10, 10.000",
        "125, 0.125, 0.125",
        "0, 0, 0.000",
        "1234567, 1234.567, 1234.567"
    })
    void plainAndFixed(long millis, String plain, String fixed) {
        Duration d = Duration.ofMillis(millis);
        assertEquals(plain, Seconds.plain(d));
        assertEquals(fixed, Seconds.fixed(d, 3));
        assertEquals(millis / 1000.0, Seconds.of(d), 1e-12);
    }

    @ParameterizedTest(name = "{0} ns: {1}")
    @CsvSource({"1, 0.000000001", "1500000000, 1.5", "60000000000, 60"})
    void keepsTheNanosecond(long nanos, String plain) {
        assertEquals(plain, Seconds.plain(Duration.ofNanos(nanos)));
    }
}
