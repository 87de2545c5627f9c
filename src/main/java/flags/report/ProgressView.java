package flags.report;

import flags.download.DownloadResult;
import flags.download.Status;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.spi.SystemStream;

/** The live progress bar on stderr: codes done out of all, rate and ETA, with the running error count. */
public final class ProgressView implements Consumer<DownloadResult>, AutoCloseable {
    private final ProgressBar bar;
    private int errors;

    public ProgressView(String task, int total, PrintStream err) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" flags", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(100)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    /** Whether stderr is a terminal; asked of the OS the way JLine does ({@code test -t 2}), since Java cannot tell. */
    public static boolean stderrIsTerminal() {
        try {
            return new ExecTerminalProvider().isSystemStream(SystemStream.Error);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public synchronized void accept(DownloadResult result) {
        if (result.status() == Status.ERROR) {
            errors++;
            bar.setExtraMessage(errors == 1 ? "1 error" : errors + " errors");
        }
        bar.step();
    }

    @Override
    public void close() {
        bar.close();
    }
}
