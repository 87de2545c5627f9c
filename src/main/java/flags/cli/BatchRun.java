package flags.cli;

import flags.download.BatchClock;
import flags.download.DownloadOptions;
import flags.download.DownloadResult;
import flags.download.FlagClient;
import flags.download.FlagStore;
import flags.download.HttpClients;
import flags.download.RetryPolicy;
import flags.download.Status;
import flags.report.BatchReport;
import flags.report.MachineReport;
import flags.report.ProgressView;
import flags.report.TextSummary;
import flags.report.Timeline;
import flags.report.VerboseLine;
import flags.server.FlagServer;
import flags.server.ServerConfig;
import flags.strategy.Strategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code seq}, {@code threads} and {@code async} share around their strategy: check every option before
 * touching the disk, start the embedded server when asked, run the batch, print the summary, pick the exit code.
 */
final class BatchRun {
    static final int MAX_REQ = 1000;

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
        List<String> codes = CodeSelection.resolve(options, stdin);
        checkRanges();
        Site site = checkServer();
        OutputDir.check(options.output);
        checkOutputOptions();
        if (output.debug) {
            Logging.enableDebug();
        }
        Strategy strategy = strategyFor.apply(options.maxReq);

        try (FlagServer embedded = site.embedded() ? startEmbedded() : null) {
            Site from = embedded == null ? site : site.at(HttpUrl.get(embedded.baseUrl()));
            OutputDir.create(options.output);
            OkHttpClient http = HttpClients.create(Math.max(1, strategy.concurrency(codes.size())), options.timeout);
            try {
                return download(codes, strategy, from, http);
            } finally {
                HttpClients.shutdown(http);
            }
        }
    }

    private int download(List<String> codes, Strategy strategy, Site from, OkHttpClient http) {
        PrintWriter out = spec.commandLine().getOut();
        boolean text = output.format == OutputMixin.Format.text;
        int concurrency = strategy.concurrency(codes.size());
        if (text && !output.quiet) {
            out.print(TextSummary.header(from.label(), from.url().toString(), codes, concurrency));
            out.flush();
        }

        BatchClock clock = new BatchClock();
        DownloadOptions downloadOptions = new DownloadOptions(
                from.url(), options.timeout, options.retries, options.maxBytes, options.names);
        FlagClient client = new FlagClient(http, downloadOptions, new FlagStore(options.output),
                RetryPolicy.standard(options.retries), clock);
        List<DownloadResult> results = new ArrayList<>();
        boolean interrupted = false;
        try (CtrlC ctrlC = CtrlC.install(client::cancel);
             ProgressView bar = showBar() ? new ProgressView(strategy.name(), codes.size(), System.err) : null) {
            PrintWriter lines = text ? out : spec.commandLine().getErr();
            Consumer<DownloadResult> onDone = result -> {
                synchronized (results) {
                    results.add(result);
                    if (output.verbose) {
                        lines.println(VerboseLine.of(result));
                        lines.flush();
                    }
                }
                if (bar != null) {
                    bar.accept(result);
                }
            };
            try {
                strategy.run(codes, client, onDone);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            BatchReport report;
            synchronized (results) {
                report = new BatchReport(strategy.name(), concurrency, codes, results, clock.elapsed());
            }
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
        Path timeline = output.timeline;
        if (timeline != null) {
            String name = timeline.getFileName() == null ? "" : timeline.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".svg") && !name.endsWith(".png")) {
                throw new UsageException("--timeline file must end in .svg or .png: " + timeline);
            }
            Path dir = timeline.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new UsageException("--timeline " + timeline + ": no writable directory " + dir);
            }
        }
    }

    private void checkRanges() {
        if (options.maxReq < 1 || options.maxReq > MAX_REQ) {
            throw new UsageException("invalid value for --max-req: " + options.maxReq + " (expected 1.." + MAX_REQ + ")");
        }
        if (options.timeout.isZero()) {
            throw new UsageException("invalid value for --timeout: 0 (expected more than 0 seconds)");
        }
        if (options.retries < 0 || options.retries > 100) {
            throw new UsageException("invalid value for --retries: " + options.retries + " (expected 0..100)");
        }
        if (options.maxBytes < 1) {
            throw new UsageException("invalid value for --max-bytes: " + options.maxBytes + " (expected 1 or more)");
        }
    }

    private Site checkServer() {
        Site site;
        try {
            site = Site.parse(options.server);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        boolean tuned = options.delay != null || options.jitter != null || options.errorRate != null;
        if (tuned && !site.embedded()) {
            throw new UsageException("--delay, --jitter and --error-rate only apply to the EMBEDDED server");
        }
        if (options.errorRate != null && !(options.errorRate >= 0 && options.errorRate <= 1)) {
            throw new UsageException("invalid value for --error-rate: " + options.errorRate + " (expected 0..1)");
        }
        return site;
    }

    private FlagServer startEmbedded() throws IOException {
        return FlagServer.start(ServerConfig.embedded(
                options.delay == null ? DownloadMixin.DEFAULT_DELAY : options.delay,
                options.jitter == null ? DownloadMixin.DEFAULT_JITTER : options.jitter,
                options.errorRate == null ? 0 : options.errorRate));
    }
}
