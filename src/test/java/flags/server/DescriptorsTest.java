package flags.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DescriptorsTest {

    private static final String HEADER =
            "Limit                     Soft Limit           Hard Limit           Units     ";

    @Test
    void readsTheSoftLimitFromProc() {
        Descriptors d = Descriptors.fromProc(
                List.of(
                        HEADER,
                        "Max processes             63704                63704                processes ",
                        "Max open files            1024                 4096                 files     "),
                40);
        assertEquals(new Descriptors(OptionalLong.of(1024), 40), d);
        assertEquals(
                new Descriptors(OptionalLong.empty(), 40),
                Descriptors.fromProc(
                        List.of(
                                HEADER,
                                "Max open files            unlimited            unlimited            files     "),
                        40));
        assertThrows(IllegalArgumentException.class, () -> Descriptors.fromProc(List.of(HEADER), 40));
    }

    @Test
    void theCapLeavesTheReserveOrHalfOfWhatIsFree() {
        assertEquals(
                OptionalInt.of(1024 - 40 - Descriptors.RESERVE),
                new Descriptors(OptionalLong.of(1024), 40).connectionCap());
        assertEquals(OptionalInt.of(100), new Descriptors(OptionalLong.of(240), 40).connectionCap(), "200 free: half");
        assertEquals(OptionalInt.of(1), new Descriptors(OptionalLong.of(40), 40).connectionCap(), "never below one");
        assertEquals(OptionalInt.empty(), new Descriptors(OptionalLong.empty(), 40).connectionCap());
    }

    @Test
    void thisProcessHasALimitAboveWhatItHasOpen() {
        Descriptors here = Descriptors.ofThisProcess();
        assertTrue(here.open() > 2, "stdin, stdout, stderr at least: " + here);
        here.limit().ifPresent(limit -> assertTrue(limit > here.open(), here.toString()));
    }
}
