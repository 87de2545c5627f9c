package flags.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BenchProgressTest {
    @Test
    void theBarNamesTheRunInProgressAndEndsWithEveryRunDone() {
        StringWriter bytes = new StringWriter();
        PrintWriter err = new PrintWriter(bytes, true);
        try (BenchProgress bar = new BenchProgress(2, 4.0, err)) {
            bar.starting("seq run 1/2");
            bar.ran(2.0);
            bar.println("seq run 1/2: 2.00 s, 1 error (first: BR HTTP 418) [failed run]");
            bar.starting("seq run 2/2");
            bar.ran(2.0);
        }
        String text = bytes.toString();
        assertTrue(
                text.contains("\r\u001b[Kseq run 1/2: 2.00 s, 1 error"),
                "a line above the bar starts on a cleared line: " + text);
        assertTrue(text.contains("[failed run]\n"), text);
        assertTrue(text.contains("2/2 runs"), "the final state: " + text);
        assertTrue(text.contains("seq run 2/2"), text);
    }

    @Test
    void aRunWeighsWhatItShouldTake() {
        assertEquals(1.0, BenchProgress.weight(null), 1e-12, "unknown: every run alike");
        assertEquals(2.01, BenchProgress.weight(Duration.ofSeconds(2)), 1e-12);
        assertEquals(0.01, BenchProgress.weight(Duration.ZERO), 1e-12, "an instant run still counts");
    }
}
