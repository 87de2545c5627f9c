package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanStepsTest {
    @Test
    void aRangeTakesItsEndsAndTheOneTwoFiveValuesBetween() {
        assertEquals(List.of(1, 2, 5, 10, 20, 50, 100, 200), ScanSteps.parse("1:200", 1000));
        assertEquals(List.of(3, 5, 10, 20, 50, 100, 200, 500, 676), ScanSteps.parse("3:676", 1000));
        assertEquals(List.of(7), ScanSteps.parse("7:7", 1000));
    }

    @Test
    void aListIsSortedAndWithoutRepeats() {
        assertEquals(List.of(1, 2, 5, 10), ScanSteps.parse("10, 5,1,2,2", 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "1,,2", "1:", "1:2:3", "-1", "5:1", "0", "1001", "1:2000"})
    void anythingElseIsAUsageError(String value) {
        UsageException e = assertThrows(UsageException.class, () -> ScanSteps.parse(value, 1000));
        assertTrue(e.getMessage().startsWith("invalid --scan-m '" + value + "'"), e.getMessage());
    }
}
