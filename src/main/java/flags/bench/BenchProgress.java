package flags.bench;

import flags.report.ProgressView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * The live line on stderr while the benchmark runs: runs done of all, the run in progress ("threads run 3/5"), and
 * an ETA. Runs differ in length (a seq run of 20 codes takes twenty times a threads run), so each run is weighed by
 * how long it should take, and the ETA is the weight still to run at the pace of the weight already run.
 */
public final class BenchProgress implements AutoCloseable {
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
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" runs", 1)
                .setUpdateIntervalMillis(200)
                .setEtaFunction(this::eta)
                .setConsumer(line)
                .build();
    }

    /** A run's weight: the seconds it should take (its ideal), plus a little so an instant run still counts. */
    public static double weight(Duration ideal) {
        return ideal == null ? 1.0 : ideal.toNanos() / 1e9 + 0.01;
    }

    public synchronized void starting(String what) {
        bar.setExtraMessage(" " + what);
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

    /** Draws the final state once; later calls do nothing (progressbar would draw it again). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }
}
