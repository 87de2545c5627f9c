package flags.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strict JSON only: what follows the object is said to be there, not lumped with unreadable bodies. */
class CountryNameTest {
    @Test
    void trailingDataHasItsOwnMessage() {
        InvalidBodyException e = assertThrows(
                InvalidBodyException.class,
                () -> CountryName.parse(
                        "{\"country\": \"Brazil\"} {}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertEquals("metadata is not JSON: something follows the object", e.getMessage());
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws Exception {
        byte[] body = "\uFEFF{\"country\": \"Brazil\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("Brazil", CountryName.parse(body, StandardCharsets.UTF_8));
    }
}
