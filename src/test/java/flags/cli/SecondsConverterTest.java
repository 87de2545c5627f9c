package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class SecondsConverterTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "0.5, 500000000",
        ".25, 250000000",
        "2, 2000000000",
        "2., 2000000000",
        "0.000000001, 1",
        "+1.5, 1500000000",
        "' 3 ', 3000000000",
        "10.1234567891, 10123456789"
    })
    void parsesDecimalSeconds(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), new SecondsConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", " ", "1e3", "NaN", "Infinity", "0x10", "1,5", "1s", "--1", "."})
    void rejectsNonNumbers(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> SecondsConverter.parse(text));
        assertEquals("expected seconds such as 0.5, got '" + text + "'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.5", "-.1"})
    void rejectsNegatives(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> SecondsConverter.parse(text));
        assertEquals("expected seconds >= 0, got '" + text + "'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"31536001", "99999999999999999999999"})
    void rejectsAbsurdlyLongValues(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> SecondsConverter.parse(text));
        assertEquals("expected at most 31536000 seconds, got '" + text + "'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "500, 0.5", "2000, 2", "125, 0.125", "90000, 90"})
    void formatsBackWithoutTrailingZeros(long millis, String text) {
        assertEquals(text, SecondsConverter.format(Duration.ofMillis(millis)));
    }
}
