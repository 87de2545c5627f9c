package flags.report;

import flags.download.DownloadResult;
import flags.download.Status;
import java.io.IOException;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The live progress bar on stderr: codes done out of all, rate and ETA, with the running error count. */
public final class ProgressView implements Consumer<DownloadResult>, AutoCloseable {
    private final ProgressBar bar;
    private int errors;
    private boolean closed;

    public ProgressView(String task, int total, PrintStream err) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" flags", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(100)
                .setConsumer(new ConsoleProgressBarConsumer(err, columns()))
                .build();
    }

    /**
     * The bar's width: {@code $COLUMNS} when the shell exports it, else 80. Given explicitly because otherwise
     * progressbar opens a JLine system terminal to ask, and that terminal takes SIGINT over with the default
     * action: Ctrl-C would then kill the JVM without running the hook that prints the partial summary.
     */
    public static int columns() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
            return Math.max(40, columns - 1);
        } catch (NumberFormatException e) {
            return 79;
        }
    }

    /**
     * Whether stderr is a terminal. Java cannot tell ({@code System.console()} looks at stdin and stdout), so
     * ask {@code test -t 2} with our stderr inherited, as JLine's exec provider does; JLine's own entry point
     * would also load its native library (and warn about it on Java 24+) just to answer this.
     */
    public static boolean stderrIsTerminal() {
        try {
            Process test = new ProcessBuilder("test", "-t", "2").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void accept(DownloadResult result) {
        if (result.status() == Status.NOT_DONE) {
            return; // the bar counts codes that ended, as the summary does
        }
        if (result.status() == Status.ERROR) {
            errors++;
            bar.setExtraMessage(errors == 1 ? " 1 error" : " " + errors + " errors");
        }
        bar.step();
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
