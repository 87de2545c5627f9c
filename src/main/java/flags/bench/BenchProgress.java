package flags.bench;

import flags.report.ProgressView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;

/**
 * The live line on stderr while the benchmark runs: the run in progress ("threads run 3/5"), runs done of all, and
 * an ETA, laid out for the terminal's width as it is now. Runs differ in length (a seq run of 20 codes takes twenty times a threads run), so each run is weighed by
 * how long it should take, and the ETA is the weight still to run at the pace of the weight already run.
 */
final class BenchProgress implements AutoCloseable {
    private final ProgressBar bar;
    private final ProgressView.TerminalLine line;
    private final PrintWriter err;
    private final double totalWeight;
    private volatile double doneWeight; // read by the bar's own thread, for the ETA
    private boolean closed;

    /** {@code runs} runs in all, whose weights add up to {@code totalWeight}. */
    public BenchProgress(int runs, double totalWeight, PrintWriter err) {
        this.err = err;
        this.line = new ProgressView.TerminalLine(err);
        this.totalWeight = totalWeight;
        this.bar = new ProgressBarBuilder()
                .setTaskName("bench")
                .setInitialMax(runs)
                .setUpdateIntervalMillis(200)
                .setRenderer((state, width) -> render(state, eta(state), width))
                .setConsumer(line)
                .build();
    }

    /** A run's weight: the seconds it should take (its ideal), plus a little so an instant run still counts. */
    public static double weight(Duration ideal) {
        return ideal == null ? 1.0 : ideal.toNanos() / 1e9 + 0.01;
    }

    public synchronized void starting(String what) {
        bar.setExtraMessage(what);
    }

    public synchronized void ran(double weight) {
        doneWeight += weight;
        bar.step();
    }

    /** A line above the bar (a failed run), which then draws itself again below it. */
    public synchronized void println(String text) {
        line.above(() -> {
            err.println(text);
            err.flush();
        });
    }

    private Optional<Duration> eta(ProgressState state) {
        double done = doneWeight;
        if (done <= 0) {
            return Optional.empty();
        }
        double perWeight = state.getElapsedAfterStart().toNanos() / done;
        return Optional.of(Duration.ofNanos((long) (perWeight * Math.max(0, totalWeight - done))));
    }

    /**
     * {@code threads run 3/5  40% [=====>      ] 12/30 runs, ETA 3.1 s}, the parts that fit in {@code width}: the
     * run in progress and the count always, whole (a cut label names a different run: "async run 5/" of 50), then
     * the percentage and a bar of at least 10 columns, then the ETA.
     */
    static String render(ProgressState state, Optional<Duration> eta, int width) {
        long done = state.getCurrent();
        long max = Math.max(1, state.getMax());
        String label =
                state.getExtraMessage() == null ? "" : state.getExtraMessage().strip();
        String count = done + "/" + state.getMax() + " runs";
        String etaText = eta.isEmpty() || done >= max ? "" : ", ETA " + seconds(eta.get());
        String head = label.isEmpty() ? "" : label + "  ";
        String percent = String.format(Locale.ROOT, "%3d%% ", 100 * done / max);
        for (String tail : new String[] {" " + count + etaText, " " + count}) {
            int room = width - head.length() - percent.length() - tail.length() - 2;
            if (room >= 10) {
                int filled = (int) (room * done / max);
                String inside = "=".repeat(filled) + (filled < room ? ">" + " ".repeat(room - filled - 1) : "");
                return head + percent + "[" + inside + "]" + tail;
            }
        }
        String plain = head + count + etaText;
        if (plain.length() <= width) {
            return plain;
        }
        String least = head + count; // nothing else fits; below even this, a terminal too narrow to read cuts it
        return least.length() <= width ? least : least.substring(0, Math.max(0, width));
    }

    private static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return s < 60
                ? String.format(Locale.ROOT, "%.1f s", s)
                : String.format(Locale.ROOT, "%d:%02d", (long) s / 60, (long) s % 60);
    }

    /** Draws the final state once; later calls do nothing (progressbar would draw it again). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }
}
