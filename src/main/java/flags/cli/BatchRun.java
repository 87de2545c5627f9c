package flags.cli;

import flags.download.BatchClock;
import flags.download.FlagClient;
import flags.download.HttpClients;
import flags.download.Status;
import flags.report.BatchReport;
import flags.report.MachineReport;
import flags.report.ProgressView;
import flags.report.ResultLog;
import flags.report.TextSummary;
import flags.report.Timeline;
import flags.report.VerboseLine;
import flags.server.FlagServer;
import flags.strategy.Strategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.IntFunction;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code seq}, {@code threads} and {@code async} share around their strategy: check every option before
 * touching the disk, start the embedded server when asked, run the batch, print the summary, pick the exit code.
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
    int run(IntFunction<Strategy> strategyFor) throws IOException {
        DownloadSetup setup = DownloadSetup.check(options, stdin);
        checkOutputOptions();
        if (output.debug) {
            Logging.enableDebug();
        }
        Strategy strategy = strategyFor.apply(setup.maxReq());
        List<String> codes = setup.codes();

        try (FlagServer embedded = setup.startServer(DownloadMixin.DEFAULT_JITTER)) {
            Site from = setup.siteFor(embedded);
            OkHttpClient http = setup.httpClient(strategy.concurrency(codes.size()), from);
            try {
                return download(setup, strategy, from, http);
            } finally {
                HttpClients.shutdown(http);
            }
        }
    }

    private int download(DownloadSetup setup, Strategy strategy, Site from, OkHttpClient http) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> codes = setup.codes();
        boolean text = output.format == OutputMixin.Format.text;
        int concurrency = strategy.concurrency(codes.size());
        if (text && !output.quiet) {
            out.print(TextSummary.header(from.label(), from.url().toString(), codes, concurrency));
            out.flush();
        }

        BatchClock clock = new BatchClock();
        FlagClient client = setup.client(http, from.url(), clock);
        boolean interrupted = false;
        try (CtrlC ctrlC = CtrlC.install(client::cancel);
             ProgressView bar = showBar() ? new ProgressView(strategy.name(), codes.size(), System.err) : null) {
            PrintWriter lines = text ? out : spec.commandLine().getErr();
            ResultLog log = new ResultLog(result -> {
                if (output.verbose) {
                    lines.println(VerboseLine.of(result));
                    lines.flush();
                }
                if (bar != null) {
                    bar.accept(result);
                }
            });
            try {
                strategy.run(codes, client, log);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            BatchReport report = log.report(strategy.name(), concurrency, codes, clock.elapsed());
            if (bar != null) {
                bar.close();
            }
            out.print(switch (output.format) {
                case text -> TextSummary.footer(report);
                case csv -> MachineReport.csv(report);
                case json -> MachineReport.json(report);
            });
            out.flush();
            ctrlC.reported();
            boolean drawn = interrupted || drawTimeline(report);
            if (interrupted) {
                return ExitCodes.INTERRUPTED;
            }
            return report.count(Status.ERROR) > 0 || !drawn ? ExitCodes.ERRORS : ExitCodes.OK;
        }
    }

    private boolean showBar() {
        return switch (output.progress) {
            case on -> true;
            case off -> false;
            case auto -> !output.verbose && !output.quiet && ProgressView.stderrIsTerminal();
        };
    }

    private boolean drawTimeline(BatchReport report) {
        if (output.timeline == null) {
            return true;
        }
        try {
            Timeline.write(List.of(report), output.timeline);
            return true;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": cannot write timeline " + output.timeline + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }

    private void checkOutputOptions() {
        if (output.verbose && output.quiet) {
            throw new UsageException("choose -v or -q, not both");
        }
        OutputDir.checkTimeline(output.timeline);
    }
}
