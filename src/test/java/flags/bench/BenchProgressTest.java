package flags.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** A real state, as progressbar fills it in: 12 of 30 runs done, "m=200 virtual warm-up 10/10" running. */
    private static ProgressState state() {
        ProgressState[] captured = new ProgressState[1];
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("bench")
                .setInitialMax(30)
                .setRenderer((s, w) -> {
                    captured[0] = s;
                    return "";
                })
                .setConsumer(new DelegatingProgressBarConsumer(line -> {}, 200))
                .build();
        bar.stepTo(12);
        bar.setExtraMessage("m=200 virtual warm-up 10/10");
        bar.refresh();
        bar.close();
        return captured[0];
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 59, 60, 79, 80, 119, 120})
    void theLabelIsNeverCutAndTheBarStaysUsefulAt60Columns(int width) {
        String line = BenchProgress.render(state(), Optional.of(Duration.ofMillis(3100)), width);
        assertTrue(line.length() <= width, line.length() + " > " + width + ": " + line);
        assertTrue(line.startsWith("m=200 virtual warm-up 10/10  "), "the label whole, first: " + line);
        assertTrue(line.contains("12/30 runs"), line);
        if (width >= 59) { // a terminal of 60 lends the bar 59: never its last column
            assertTrue(line.matches(".*  40% \\[[=> ]{10,}] 12/30 runs.*"), "a bar of 10 or more: " + line);
        }
        if (width >= 79) {
            assertTrue(line.endsWith(", ETA 3.1 s"), line);
        }
    }

    @Test
    void aRunWeighsWhatItShouldTake() {
        assertEquals(1.0, BenchProgress.weight(null), 1e-12, "unknown: every run alike");
        assertEquals(2.01, BenchProgress.weight(Duration.ofSeconds(2)), 1e-12);
        assertEquals(0.01, BenchProgress.weight(Duration.ZERO), 1e-12, "an instant run still counts");
    }
}
