package flags.cli;

import flags.BatchClock;
import flags.download.Batch;
import flags.download.FlagClient;
import flags.download.Status;
import flags.download.Strategy;
import flags.http.Transport;
import flags.picture.Timeline;
import flags.report.BatchReport;
import flags.report.MachineReport;
import flags.report.ProgressView;
import flags.report.TextSummary;
import flags.report.VerboseLine;
import flags.server.FlagServer;
import flags.store.FlagStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the download commands share around their strategy: check every option before
 * touching the disk, start the embedded server when asked, run the batch, print the summary, pick the exit code.
 * A batch is stopped by Ctrl-C or by standard output failing (a closed pipe), and either way it ends cleanly:
 * in-flight requests cancelled, temporary files removed, nothing printed after the summary.
 */
final class BatchRun {
    private final CommandSpec spec;
    private final DownloadMixin options;
    private final OutputMixin output;
    private final InputStream stdin;

    BatchRun(CommandSpec spec, DownloadMixin options, OutputMixin output, InputStream stdin) {
        this.spec = spec;
        this.options = options;
        this.output = output;
        this.stdin = stdin;
    }

    /** Runs the strategy that {@code strategyFor} builds for {@code -m}; returns the exit code. */
    @SuppressWarnings("try") // the SOCKS login is held for the batch; closing it puts the previous one back
    int run(IntFunction<Strategy> strategyFor) throws IOException {
        DownloadSetup setup = DownloadSetup.check(options, stdin);
        checkOutputOptions();
        output.logging.apply();
        Strategy strategy = strategyFor.apply(setup.maxReq());
        setup.checkTransport(strategy.name(), strategy.transport());
        setup.prepareOutput();
        // Ctrl-C holds the JVM until the client is shut down and the server stopped (closed in this order).
        try (CtrlC ctrlC = CtrlC.install();
                FlagServer embedded = setup.startServer(DownloadMixin.DEFAULT_JITTER);
                SocksLogin login = setup.socksLogin()) {
            Site from = setup.siteFor(embedded);
            Transport http = setup.transport(
                    strategy.transport(), strategy.concurrency(setup.codes().size()));
            try {
                return download(setup, strategy, from, http, ctrlC);
            } finally {
                http.shutdown();
            }
        }
    }

    private int download(DownloadSetup setup, Strategy strategy, Site from, Transport http, CtrlC ctrlC) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> codes = setup.codes();
        boolean text = output.format == OutputMixin.Format.text;
        int concurrency = strategy.concurrency(codes.size());
        if (text && !output.quiet) {
            out.print(TextSummary.header(
                    from.label(), from.display(), setup.proxyFor(from.url()).orElse(null), codes, concurrency));
            out.flush();
            if (out.checkError()) {
                return stdoutFailed(out);
            }
        }

        FlagStore store = new FlagStore(setup.output());
        int abandoned = store.removeAbandoned();
        if (abandoned > 0) {
            LoggerFactory.getLogger(BatchRun.class).info("removed {} temporary file(s) left by killed runs", abandoned);
        }
        setup.cpuWork(); // its calibration must not count in the batch's time
        BatchClock clock = new BatchClock();
        FlagClient client = setup.client(http, from.url(), clock, store);
        Thread command = Thread.currentThread();
        AtomicBoolean stdoutFailed = new AtomicBoolean();
        Runnable stop = () -> {
            client.cancel();
            command.interrupt();
        };
        ctrlC.onSignal(stop);
        Outcome outcome = runWatched(strategy, codes, concurrency, client, clock, stop, stdoutFailed);
        ctrlC.onSignal(() -> {}); // the batch is over: a later Ctrl-C stops nothing, it waits for the report
        boolean interrupted = outcome.interrupted() | Thread.interrupted();
        BatchReport report = outcome.report();
        if (!stdoutFailed.get()) {
            out.print(
                    switch (output.format) {
                        case text -> TextSummary.footer(report, !output.quiet);
                        case csv -> MachineReport.csv(report);
                        case json -> MachineReport.json(report);
                    });
            out.flush();
        }
        boolean drawn = drawTimeline(report); // after Ctrl-C too: it shows what ran
        if (stdoutFailed.get() || out.checkError()) {
            return stdoutFailed(out);
        }
        if (interrupted) {
            return ExitCodes.INTERRUPTED;
        }
        return report.count(Status.ERROR) > 0 || !drawn ? ExitCodes.ERRORS : ExitCodes.OK;
    }

    /** A batch's report, and whether it was stopped (Ctrl-C, or a closed standard output). */
    private record Outcome(BatchReport report, boolean interrupted) {}

    /**
     * Runs the strategy with the progress bar and the {@code -v} lines watching; the bar has drawn its last line
     * on return.
     */
    private Outcome runWatched(
            Strategy strategy,
            List<String> codes,
            int concurrency,
            FlagClient client,
            BatchClock clock,
            Runnable stop,
            AtomicBoolean stdoutFailed) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter lines = output.format == OutputMixin.Format.text
                ? out
                : spec.commandLine().getErr();
        try (ProgressView bar = showBar()
                ? new ProgressView(
                        strategy.name(), codes.size(), spec.commandLine().getErr())
                : null) {
            Batch.Outcome batch = Batch.run(strategy, codes, client, clock, result -> {
                if (output.verbose && !result.neverStarted()) { // the never started get one line at the end
                    printAbove(bar, lines, VerboseLine.of(result));
                    if (lines.checkError() && lines == out && stdoutFailed.compareAndSet(false, true)) {
                        stop.run();
                    }
                }
                if (bar != null) {
                    bar.accept(result);
                }
            });
            // A stop is this command's to act on (the report, then exit code 130); cleared now, it cannot also
            // interrupt the report and the timeline being written. One that came after the batch had ended
            // (Ctrl-C cancels the client first, so the batch can end before the interrupt lands) still counts.
            boolean stopped = batch.interrupted() | Thread.interrupted();
            BatchReport report = new BatchReport(strategy.name(), concurrency, codes, batch.results(), batch.elapsed());
            long notStarted = report.notStarted();
            if (output.verbose && notStarted > 0 && !stdoutFailed.get()) {
                printAbove(bar, lines, VerboseLine.notStarted(notStarted)); // one line, not one per queued code
            }
            return new Outcome(report, stopped);
        }
    }

    private static void printAbove(ProgressView bar, PrintWriter lines, String line) {
        Runnable print = () -> {
            lines.println(line);
            lines.flush();
        };
        if (bar != null) {
            bar.printAbove(print);
        } else {
            print.run();
        }
    }

    /** A closed pipe ends the run quietly, as SIGPIPE ends a Unix tool; any other write error is one line. */
    private int stdoutFailed(PrintWriter out) {
        if (StdoutWriter.closedPipe(out)) {
            return ExitCodes.STDOUT_CLOSED;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": cannot write standard output: " + StdoutWriter.reason(out));
        err.flush();
        return ExitCodes.ERRORS;
    }

    private boolean showBar() {
        return output.progress.shown(output.verbose || output.quiet);
    }

    private boolean drawTimeline(BatchReport report) {
        return output.timeline == null
                || OutputFile.write(
                        spec, "--timeline", output.timeline, () -> Timeline.write(List.of(report), output.timeline));
    }

    private void checkOutputOptions() {
        if (output.verbose && output.quiet) {
            throw new UsageException("choose -v or -q, not both");
        }
        OutputDir.checkTimeline(output.timeline);
    }
}
