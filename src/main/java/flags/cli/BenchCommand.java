package flags.cli;

import flags.bench.BenchFormat;
import flags.bench.BenchNotes;
import flags.bench.BenchPlan;
import flags.bench.BenchResult;
import flags.bench.BenchRunner;
import flags.bench.BenchStats;
import flags.bench.Contender;
import flags.bench.StrategyBatch;
import flags.bench.StrategyRuns;
import flags.bench.StrategyStats;
import flags.bench.Workload;
import flags.download.DownloadResult;
import flags.download.HttpClients;
import flags.download.Status;
import flags.report.BatchReport;
import flags.report.ProgressView;
import flags.report.Timeline;
import flags.server.FlagServer;
import flags.strategy.AsyncStrategy;
import flags.strategy.SequentialStrategy;
import flags.strategy.Strategy;
import flags.strategy.ThreadPoolStrategy;
import flags.strategy.VirtualThreads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flags bench} (SPEC §6): time the strategies on the same batch, hyperfine-style. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Time the strategies on the same batch against one server (the embedded one by default, with "
                        + "--jitter 0), hyperfine-style: --warmup unrecorded runs, then --runs recorded runs, "
                        + "round-robin (each run index runs every strategy once).",
                "Per strategy: concurrency; runs (the recorded runs the timings come from: those without errors, "
                        + "or all of them if every run failed); median, min and max seconds; ok, not found, errors "
                        + "and max_in_flight of the median run; ideal = ceil(N / c) x delay (delay + jitter/2 with "
                        + "jitter; x2 with --names), known only for the embedded server; speedup = seq median / "
                        + "this median; efficiency = ideal / median.",
                "Each run saves into its own hidden directory inside -o, removed once the run is timed, so "
                        + "every run is a first download and -o is left as it was.",
                "A run with any error is a failed run: it is reported on stderr and in the runs column, never "
                        + "averaged in. Warnings (stderr) flag a wide spread of runs and a slow first run."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                " 0:every recorded run ended with every code ok or not found",
                " 1:a recorded run had an error (a failed run), or the timeline could not be written",
                " 2:usage error",
                "130:interrupted (Ctrl-C); the runs recorded so far are reported"})
public final class BenchCommand implements Callable<Integer> {
    /** The strategies {@code --strategies} can name. */
    enum Name { seq, threads, virtual, async }

    @Spec
    CommandSpec spec;

    @Mixin
    DownloadMixin options;

    @Option(names = "--strategies", paramLabel = "LIST", split = ",", defaultValue = "seq,threads,async",
            description = "Comma-separated: seq, threads, virtual (Java 21+), async; the order of the output "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Name> strategies;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Unrecorded runs of each strategy first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Recorded runs of each strategy, 1 or more (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or markdown; csv, json and markdown put only data on stdout, the "
                    + "summary goes to stderr (default: ${DEFAULT-VALUE}).")
    BenchFormat format;

    @Option(names = "--timeline", paramLabel = "FILE",
            description = "Draw the median run of each strategy, one lane per strategy, to FILE.svg or FILE.png.")
    Path timeline;

    @Option(names = {"-v", "--verbose"},
            description = "A line per run on stderr (seq run 3/5: 3.02 s); by default only when stderr is a terminal.")
    boolean verbose;

    @Option(names = "--debug", description = "Debug logs on stderr (by default only warnings).")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        List<Name> names = checkStrategies();
        BenchPlan plan = checkPlan();
        DownloadSetup setup = DownloadSetup.check(options, System.in);
        OutputDir.checkTimeline(timeline);
        if (debug) {
            Logging.enableDebug();
        }
        List<String> codes = setup.codes();
        setup.prepareOutput();
        try (FlagServer embedded = setup.startServer(Duration.ZERO)) {
            Site from = setup.siteFor(embedded);
            Workload workload = new Workload(from.embedded() ? Site.EMBEDDED : serverName(from),
                    embedded == null ? null : setup.delay(), embedded == null ? null : setup.jitter(Duration.ZERO),
                    codes.size(), options.names ? 2 : 1);
            // One OkHttpClient per strategy, sized to its concurrency and reused by all its runs: a real program
            // keeps its client, so after the warm-up the timings measure the strategy with its connections (and
            // the dispatcher's threads) already there, not the cost of opening them again in every run.
            List<OkHttpClient> clients = new ArrayList<>();
            List<StrategyBatch> batches = new ArrayList<>();
            try {
                for (Name name : names) {
                    Strategy strategy = strategy(name);
                    OkHttpClient http = setup.httpClient(strategy.concurrency(codes.size()));
                    clients.add(http);
                    batches.add(new StrategyBatch(strategy, codes, options.output,
                            (clock, dir) -> setup.client(http, from.url(), clock, new flags.download.FlagStore(dir))));
                }
                return bench(workload, plan, batches);
            } finally {
                clients.forEach(HttpClients::shutdown);
            }
        }
    }

    private int bench(Workload workload, BenchPlan plan, List<StrategyBatch> batches) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = verbose || ProgressView.stderrIsTerminal();
        BenchRunner runner = new BenchRunner(batches.stream().map(StrategyBatch::contender).toList(), plan,
                (c, warm, i, of, report) -> {
                    boolean failed = BenchStats.failed(report);
                    if (progress || failed) {
                        err.println(runLine(c, warm, i, of, report));
                        err.flush();
                    }
                });
        boolean interrupted = false;
        try (CtrlC ctrlC = CtrlC.install(() -> batches.forEach(StrategyBatch::cancel))) {
            try {
                runner.run();
            } catch (InterruptedException e) {
                interrupted = true;
            }
            List<StrategyRuns> recorded = runner.recorded();
            BenchResult result = BenchStats.compute(workload, recorded);
            if (interrupted) {
                err.println(spec.qualifiedName() + ": interrupted; " + (result.strategies().isEmpty()
                        ? "no run was recorded" : "the runs recorded so far:"));
            }
            if (!result.strategies().isEmpty()) {
                out.print(format.render(result));
                out.flush();
            }
            for (String warning : BenchNotes.warnings(recorded)) {
                err.println("Warning: " + warning);
            }
            err.flush();
            List<String> summary = BenchNotes.summary(result);
            if (!summary.isEmpty()) {
                PrintWriter to = format == BenchFormat.table ? out : err;
                if (format == BenchFormat.table) {
                    to.println();
                }
                summary.forEach(to::println);
                to.flush();
            }
            ctrlC.reported();
            if (interrupted) {
                return ExitCodes.INTERRUPTED;
            }
            boolean drawn = drawTimeline(result);
            boolean anyFailed = result.strategies().stream().anyMatch(s -> s.failedRuns() > 0);
            return anyFailed || !drawn ? ExitCodes.ERRORS : ExitCodes.OK;
        }
    }

    /** "seq run 3/5: 3.02 s", "async warm-up 1/1: 0.25 s", plus the errors of a failed run. */
    static String runLine(Contender c, boolean warmup, int i, int of, BatchReport report) {
        String line = String.format(Locale.ROOT, "%s %s %d/%d: %.2f s", c.strategy(), warmup ? "warm-up" : "run", i,
                of, report.elapsed().toNanos() / 1e9);
        long errors = report.count(Status.ERROR);
        long notDone = report.notDone();
        if (errors > 0) {
            DownloadResult first = report.results().stream()
                    .filter(r -> r.status() == Status.ERROR).findFirst().orElseThrow();
            line += String.format(Locale.ROOT, ", %d error%s (first: %s %s)", errors, errors == 1 ? "" : "s",
                    first.cc(), first.error());
        }
        if (notDone > 0) {
            line += ", " + notDone + " not done";
        }
        if (errors > 0 || notDone > 0) {
            line += warmup ? " [warm-up, not recorded]" : " [failed run]";
        }
        return line;
    }

    private boolean drawTimeline(BenchResult result) {
        if (timeline == null || result.strategies().isEmpty()) {
            return true;
        }
        try {
            Timeline.write(result.strategies().stream().map(StrategyStats::medianRun).toList(), timeline);
            return true;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": cannot write timeline " + timeline + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }

    private List<Name> checkStrategies() {
        if (strategies == null || strategies.isEmpty()) {
            throw new UsageException("--strategies needs at least one of seq, threads, virtual, async");
        }
        List<Name> names = new ArrayList<>(new LinkedHashSet<>(strategies));
        if (names.contains(Name.virtual) && !VirtualThreads.available()) {
            throw new UsageException(VirtualThreads.NEEDS_JAVA_21);
        }
        return names;
    }

    private BenchPlan checkPlan() {
        if (runs < 1) {
            throw UsageException.badValue("--runs", "1 or more", runs);
        }
        if (warmup < 0) {
            throw UsageException.badValue("--warmup", "0 or more", warmup);
        }
        return new BenchPlan(warmup, runs);
    }

    private Strategy strategy(Name name) {
        int m = options.maxReq;
        return switch (name) {
            case seq -> new SequentialStrategy();
            case threads -> new ThreadPoolStrategy(m);
            case virtual -> ThreadPoolStrategy.virtual(m);
            case async -> new AsyncStrategy(m);
        };
    }

    /** A label as given (LOCAL, REMOTE...), or the URL itself for -s URL. */
    private static String serverName(Site site) {
        return "URL".equals(site.label()) ? site.url().toString() : site.label();
    }
}
