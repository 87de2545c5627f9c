package flags.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.download.DownloadResult;
import flags.download.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bar's one line: never wider than the terminal, the count and errors always in it, a rate in fractions. */
@Timeout(30)
class ProgressViewTest {
    /** A real state, as progressbar fills it in: 88 of 194 done, 2 errors, some time after the start. */
    private static ProgressState state() throws Exception {
        ProgressState[] captured = new ProgressState[1];
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("threads")
                .setInitialMax(194)
                .setRenderer((s, w) -> {
                    captured[0] = s;
                    return "";
                })
                .setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(line -> {}, 200))
                .build();
        bar.stepTo(88);
        bar.setExtraMessage("2 errors");
        Thread.sleep(300); // the rate needs time to have passed; this is the state under test, not a timing
        bar.refresh();
        bar.close();
        return captured[0];
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {20, 30, 40, 50, 60, 80, 100, 120, 160, 240})
    void neverWiderThanTheTerminalAndTheCountIsAlwaysThere(int width) throws Exception {
        String line = ProgressView.render(state(), width);
        assertTrue(line.length() <= width, line.length() + " > " + width + ": " + line);
        if (width >= 40) {
            assertTrue(line.contains("88/194 flags, 2 errors"), line);
        }
        if (width >= 120) {
            assertTrue(line.startsWith("threads  45% ["), line);
            assertTrue(line.matches(".*, \\d+\\.\\d flags/s.*"), "a rate with fractional seconds: " + line);
        }
    }

    @Test
    void aRedrawAfterTheTerminalNarrowedErasesInsteadOfPaddingToTheOldWidth() {
        StringWriter err = new StringWriter();
        try (ProgressView view = new ProgressView("seq", 1, new PrintWriter(err))) {
            view.printAbove(() -> {});
        }
        for (String segment : err.toString().split("\r")) {
            assertTrue(
                    !segment.matches(".*  +\u001b\\[K?$") && !segment.endsWith("   "),
                    "no padding that could wrap a narrower terminal: " + List.of(segment));
        }
    }

    @Test
    void linesPrintedDuringTheBatchGoAboveTheBar() throws Exception {
        StringWriter err = new StringWriter();
        try (ProgressView view = new ProgressView("seq", 2, new PrintWriter(err))) {
            view.accept(result("BR", Status.OK));
            view.printAbove(() -> new PrintWriter(err, true).print("BR OK\n"));
            view.accept(result("ZZ", Status.NOT_DONE));
        }
        String text = err.toString();
        int printed = text.indexOf("BR OK\n");
        assertTrue(printed >= 0, text);
        String before = text.substring(0, printed);
        assertTrue(before.endsWith("\r\u001b[K"), "the bar's line is erased first: " + List.of(before));
        String last = text.substring(text.lastIndexOf('\r'));
        assertTrue(last.contains("1/2 flags"), "the last bar: " + List.of(last));
        assertTrue(!text.contains("2/2"), "a code not done is not counted: " + List.of(text));
    }

    private static DownloadResult result(String cc, Status status) {
        return new DownloadResult(cc, status, 200, 1, null, List.of(), null, null, null, null);
    }

    /**
     * progressbar's close does not wait for a redraw already running on its own thread, and that redraw also ends
     * with a final draw and a close: the line must show the final bar once, not a second copy below it.
     */
    @Test
    void aRedrawAfterTheCloseDrawsNothing() {
        StringWriter text = new StringWriter();
        ProgressView.TerminalLine line = new ProgressView.TerminalLine(new PrintWriter(text));
        line.accept("threads 100% 20/20 flags");
        line.close();
        line.accept("threads 100% 20/20 flags"); // the redraw that was already under way
        line.close();
        String shown = text.toString();
        assertEquals(1, shown.split("20/20", -1).length - 1, "the final bar once: " + shown);
        assertTrue(shown.endsWith("\n") && !shown.endsWith("\n\n"), "one line ended: " + shown);
    }
}
