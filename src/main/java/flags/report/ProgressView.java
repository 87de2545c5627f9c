package flags.report;

import flags.download.DownloadResult;
import flags.download.Status;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressState;

/**
 * The live progress bar on stderr: codes done out of all, errors so far, time, ETA and rate. It follows the
 * terminal's real width as it changes and drops its least useful parts rather than wrap, down to 40 columns;
 * lines printed while it runs ({@code -v}) go above it. progressbar keeps the state and redraws it; this class
 * only says how it looks and where it goes.
 */
public final class ProgressView implements Consumer<DownloadResult>, AutoCloseable {
    private final ProgressBar bar;
    private final TerminalLine line;
    private int errors;
    private boolean closed;

    public ProgressView(String task, int total, PrintWriter err) {
        this.line = new TerminalLine(err);
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUpdateIntervalMillis(100)
                .setRenderer(ProgressView::render)
                .setConsumer(line)
                .build();
    }

    @Override
    public synchronized void accept(DownloadResult result) {
        if (result.status() == Status.NOT_DONE) {
            return; // the bar counts codes that ended, as the summary does
        }
        if (result.status() == Status.ERROR) {
            errors++;
            bar.setExtraMessage(errors == 1 ? "1 error" : errors + " errors");
        }
        bar.step();
    }

    /** Prints through {@code print} on a line of its own above the bar, which is then drawn again below it. */
    public void printAbove(Runnable print) {
        line.above(print);
    }

    /** Draws the final state once; later calls do nothing (progressbar would draw it again). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }

    /**
     * {@code threads  45% [=====>      ] 88/194 flags, 2 errors, 0.9 s, ETA 1.1 s, 95.3 flags/s}, the parts that
     * fit in {@code width}: the count and errors always, then the percentage and bar, time, rate, ETA, name.
     */
    static String render(ProgressState state, int width) {
        long done = state.getCurrent();
        long max = Math.max(1, state.getMax());
        double elapsed = state.getElapsedAfterStart().toNanos() / 1e9;
        String count = done + "/" + state.getMax() + " flags";
        String errors =
                state.getExtraMessage() == null || state.getExtraMessage().isEmpty()
                        ? ""
                        : ", " + state.getExtraMessage();
        String percent = String.format(Locale.ROOT, "%3d%%", 100 * done / max);
        String time = ", " + seconds(elapsed);
        String rate = elapsed < 0.05 ? "" : String.format(Locale.ROOT, ", %.1f flags/s", done / elapsed);
        String eta =
                done == 0 || done >= max || elapsed < 0.05 ? "" : ", ETA " + seconds(elapsed * (max - done) / done);
        String name = state.getTaskName() + " ";
        // Drop parts, least useful first, until the rest fits with a bar of at least 10 columns.
        String[] optional = {name, eta, rate, time};
        boolean[] shown = {true, true, true, true};
        for (int drop = 0; ; drop++) {
            String tail =
                    " " + count + errors + (shown[3] ? time : "") + (shown[2] ? rate : "") + (shown[1] ? eta : "");
            String head = (shown[0] ? name : "") + percent + " ";
            int room = width - head.length() - tail.length() - 2;
            if (room >= 10 || drop == optional.length) {
                if (room < 3) {
                    return fit(percent + tail, width);
                }
                int filled = (int) (room * done / max);
                String inside = "=".repeat(filled) + (filled < room ? ">" + " ".repeat(room - filled - 1) : "");
                return fit(head + "[" + inside + "]" + tail, width);
            }
            shown[drop] = false;
        }
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width));
    }

    private static String seconds(double s) {
        return s < 60
                ? String.format(Locale.ROOT, "%.1f s", s)
                : String.format(Locale.ROOT, "%d:%02d", (long) s / 60, (long) s % 60);
    }

    /**
     * A bar's one line on stderr, as wide as the terminal is now, redrawn in place, cleared for lines printed above
     * it; for any progressbar (the benchmark's too).
     */
    public static final class TerminalLine implements ProgressBarConsumer {
        private static final String ERASE_TO_END = "\u001b[K";
        // Line wrapping off while the bar is drawn: a bar drawn for a width the terminal has just lost is cut at
        // the edge instead of wrapping onto a second row that no carriage return would ever clear.
        private static final String WRAP_OFF = "\u001b[?7l";
        private static final String WRAP_ON = "\u001b[?7h";
        private final PrintWriter err;
        private final Terminal.Width width = new Terminal.Width();
        private String last = "";
        private boolean closed;

        public TerminalLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return width.columns() - 1; // never the last column: some terminals wrap as soon as it is written
        }

        @Override
        public synchronized void accept(String rendered) {
            if (closed) {
                // progressbar's close does not wait for a redraw already under way: drawn now, it would repeat the
                // final line below it.
                return;
            }
            // Erase to the end of the line, not pad to the last width: after a narrowing, padding would wrap.
            last = rendered;
            draw();
        }

        /** Prints through {@code print} on a line of its own, then draws the bar again below it. */
        public synchronized void above(Runnable print) {
            err.print("\r" + ERASE_TO_END);
            err.flush();
            print.run();
            if (!closed) {
                draw();
            }
        }

        private void draw() {
            err.print("\r" + WRAP_OFF + last + ERASE_TO_END + WRAP_ON);
            err.flush();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                err.println();
                err.flush();
            }
        }
    }
}
