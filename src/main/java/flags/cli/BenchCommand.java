package flags.cli;

import flags.bench.BenchFormat;
import flags.bench.BenchNotes;
import flags.bench.BenchPlan;
import flags.bench.BenchProgress;
import flags.bench.BenchResult;
import flags.bench.BenchRun;
import flags.bench.BenchRunner;
import flags.bench.BenchStats;
import flags.bench.Contender;
import flags.bench.CostMeter;
import flags.bench.ScanFormat;
import flags.bench.ScanPlot;
import flags.bench.ScanResult;
import flags.bench.StrategyBatch;
import flags.bench.StrategyRuns;
import flags.bench.StrategyStats;
import flags.bench.Workload;
import flags.download.DownloadResult;
import flags.download.FlagStore;
import flags.download.Quote;
import flags.download.Status;
import flags.download.Transport;
import flags.report.BatchReport;
import flags.report.Terminal;
import flags.report.Timeline;
import flags.server.FlagServer;
import flags.strategy.Strategy;
import flags.strategy.StrategyTable;
import flags.strategy.StrategyTable.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flags bench}: time the strategies on the same batch, hyperfine-style, and what each costs. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Time the strategies on the same batch against one server (the embedded one by default, with "
                    + "--jitter 0), hyperfine-style: --warmup unrecorded runs, then --runs recorded runs, "
                    + "round-robin (each run index runs every strategy once).",
            "Per strategy: concurrency; runs (those the statistics come from: '4 of 5' leaves a failed run "
                    + "out, '5 failed' means every run failed); mean ± σ and median seconds (min and max in "
                    + "JSON, CSV and Markdown); reached = the most requests in flight at once, and ok, not found "
                    + "and errors, of the median run; "
                    + "speedup = seq median / this median; eff. = ideal / median, where the ideal is "
                    + "ceil(N / c) x delay (delay + jitter/2 with jitter; x2 with --names; with --cpu-work also "
                    + "at least N x work / cores), known only for the embedded server.",
            "What each strategy costs the client side of the JVM (the embedded server left out), per run: "
                    + "threads = most platform threads alive at once, CPU ms and alloc MB = CPU time and "
                    + "bytes allocated by the client's threads; the peak heap in JSON, CSV and Markdown.",
            "Runs save into a temporary directory (inside -o when given), removed afterwards: bench leaves "
                    + "nothing behind. A full GC precedes every run, outside its time.",
            "A run with any error is a failed run: reported on stderr, never in the statistics, and a "
                    + "strategy with failed runs gets no speed claim. Warnings (stderr) flag a wide spread of "
                    + "runs and a slow first run.",
            "--scan-m repeats it all at each -m and prints per -m the ideal and each strategy's median and "
                    + "efficiency; --plot draws that as a chart."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            " 0:every recorded run ended with every code ok or not found",
            " 1:a recorded run had an error (a failed run), or a picture or export could not be written",
            " 2:usage error",
            "130:interrupted (Ctrl-C); the runs recorded so far are reported"
        })
public final class BenchCommand implements Callable<Integer> {
    private static final List<String> DEFAULT_STRATEGIES = List.of("seq", "threads", "async");
    private static final List<String> DEFAULT_SCAN = List.of("threads", "async");

    /** What {@code --strategies <TAB>} offers: every strategy of the table. */
    public static final class StrategyNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return StrategyTable.ALL.stream().map(Kind::name).iterator();
        }
    }

    private final InputStream stdin;

    BenchCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DownloadMixin options;

    @Option(
            names = "--strategies",
            paramLabel = "LIST",
            split = ",",
            completionCandidates = StrategyNames.class,
            description = "Comma-separated: ${COMPLETION-CANDIDATES} (virtual: Java 21+); the order of the output "
                    + "(default: seq,threads,async; with --scan-m: threads,async).")
    List<String> strategies;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "1",
            description = "Unrecorded runs of each strategy first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "5",
            description = "Recorded runs of each strategy, 1 or more (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "Standard output as table, csv, json or markdown; csv, json and markdown put only data on "
                    + "stdout, the summary goes to stderr (default: ${DEFAULT-VALUE}).")
    BenchFormat format;

    @Option(names = "--export-json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path exportJson;

    @Option(names = "--export-csv", paramLabel = "FILE", description = "Also write the results as CSV to FILE.")
    Path exportCsv;

    @Option(
            names = "--export-markdown",
            paramLabel = "FILE",
            description = "Also write the results as a Markdown table to FILE.")
    Path exportMarkdown;

    @Option(
            names = "--scan-m",
            paramLabel = "LIST",
            description = "Run the comparison at each of these -m: a list (1,2,5,10,20) or a range FROM:TO "
                    + "(FROM, the 1-2-5 values between, TO). Not with seq, which ignores -m.")
    String scanM;

    @Option(
            names = "--plot",
            paramLabel = "FILE",
            description = "With --scan-m: chart the median time against -m per strategy, and the ideal, on log "
                    + "axes, to FILE.svg or FILE.png.")
    Path plot;

    @Option(
            names = "--timeline",
            paramLabel = "FILE",
            description = "Draw the median run of each strategy, one lane per strategy, to FILE.svg or FILE.png.")
    Path timeline;

    @Option(
            names = "--progress",
            paramLabel = "WHEN",
            defaultValue = "auto",
            description = "A progress bar on stderr: auto (when stderr is a terminal and without -v), on or off "
                    + "(default: ${DEFAULT-VALUE}).")
    OutputMixin.Progress progress;

    @Option(
            names = {"-v", "--verbose"},
            description = "A line per run on stderr (seq run 3/5: 3.02 s).")
    boolean verbose;

    @Option(names = "--debug", description = "Debug logs on stderr (by default only warnings).")
    boolean debug;

    /** What the run of every point needs, once the options are known good. */
    private record Lab(
            DownloadSetup setup, Site from, List<Kind> names, BenchPlan plan, Path runDir, CostMeter meter) {}

    @Override
    public Integer call() throws Exception {
        List<Integer> ms = checkScan();
        List<Kind> names = checkStrategies();
        BenchPlan plan = checkPlan();
        DownloadSetup setup = DownloadSetup.check(options, stdin);
        names.forEach(kind -> setup.checkTransport(kind.name(), kind.create(1).transport()));
        checkFiles();
        if (debug) {
            Logging.enableDebug();
        }
        boolean outputGiven = spec.commandLine().getParseResult().hasMatchedOption("--output");
        if (outputGiven) {
            setup.prepareOutput();
        }
        // Ctrl-C holds the JVM until the run directory is deleted and the server stopped.
        try (CtrlC ctrlC = CtrlC.install()) {
            return measure(setup, names, plan, ms, outputGiven, ctrlC);
        }
    }

    @SuppressWarnings("try") // the SOCKS login is held for the bench; closing it puts the previous one back
    private int measure(
            DownloadSetup setup, List<Kind> names, BenchPlan plan, List<Integer> ms, boolean outputGiven, CtrlC ctrlC)
            throws IOException {
        // Without -o the runs save under the system's temporary directory: bench leaves nothing where it ran.
        Path runDir = outputGiven ? options.output : Files.createTempDirectory("flags-bench-");
        try (FlagServer embedded = setup.startServer(Duration.ZERO);
                CostMeter meter = CostMeter.start();
                SocksLogin login = setup.socksLogin()) {
            Site from = setup.siteFor(embedded);
            setup.cpuWork(); // calibrated once, before any run's clock, for every run of every strategy
            Workload workload = new Workload(
                            from.embedded() ? Site.EMBEDDED : serverName(from),
                            embedded == null ? null : setup.delay(),
                            embedded == null ? null : setup.jitter(Duration.ZERO),
                            setup.codes().size(),
                            options.names ? 2 : 1)
                    .withCpuWork(options.cpuWork);
            return bench(workload, ms, new Lab(setup, from, names, plan, runDir, meter), ctrlC);
        } finally {
            if (!outputGiven) {
                StrategyBatch.deleteTree(runDir);
            }
        }
    }

    private int bench(Workload workload, List<Integer> ms, Lab lab, CtrlC ctrlC) {
        PrintWriter err = spec.commandLine().getErr();
        boolean showBar = progress.shown(verbose);
        int runsInAll = ms.size()
                * lab.names().size()
                * (lab.plan().warmup() + lab.plan().runs());
        double weightInAll = 0;
        for (int m : ms) {
            for (Kind kind : lab.names()) {
                weightInAll += (lab.plan().warmup() + lab.plan().runs()) * weight(workload, kind.create(m));
            }
        }
        List<StrategyBatch> running = new ArrayList<>();
        Thread command = Thread.currentThread();
        Map<Integer, List<StrategyRuns>> done = new LinkedHashMap<>();
        boolean interrupted = false;
        ctrlC.onSignal(() -> {
            synchronized (running) {
                running.forEach(StrategyBatch::cancel);
            }
            command.interrupt();
        });
        try (BenchProgress bar = showBar
                ? new BenchProgress(runsInAll, weightInAll, spec.commandLine().getErr())
                : null) {
            for (int m : ms) {
                Point point = runPoint(workload, m, lab, running, bar, ms.size() > 1 ? "m=" + m + " " : "", err);
                done.put(m, point.recorded());
                if (point.interrupted()) {
                    interrupted = true;
                    break;
                }
            }
        } // the bar is gone before the results print
        ctrlC.onSignal(() -> {}); // the runs are over: a later Ctrl-C stops nothing, it waits for the report
        interrupted |= Thread.interrupted();
        return report(workload, lab.plan(), done, interrupted);
    }

    /** The recorded runs at one {@code -m}, all of them or those before Ctrl-C. */
    private record Point(List<StrategyRuns> recorded, boolean interrupted) {}

    /** One whole benchmark at {@code -m} = {@code m}: its clients, built for m, closed when it ends. */
    private Point runPoint(
            Workload workload,
            int m,
            Lab lab,
            List<StrategyBatch> running,
            BenchProgress bar,
            String prefix,
            PrintWriter err) {
        List<String> codes = lab.setup().codes();
        List<Transport> clients = new ArrayList<>();
        List<StrategyBatch> batches = new ArrayList<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        try {
            for (Kind kind : lab.names()) {
                Strategy strategy = kind.create(m);
                // One HTTP client per strategy and m, its connections kept by all its runs, as a program keeps its
                // client: after the warm-up, the runs time the strategy, not the opening of connections.
                Transport http = lab.setup().transport(strategy.transport(), strategy.concurrency(codes.size()));
                clients.add(http);
                batches.add(new StrategyBatch(
                        strategy,
                        codes,
                        lab.runDir(),
                        http,
                        (runHttp, clock, dir) ->
                                lab.setup().client(runHttp, lab.from().url(), clock, new FlagStore(dir)),
                        lab.meter()));
                weights.put(strategy.name(), weight(workload, strategy));
            }
            synchronized (running) {
                running.clear();
                running.addAll(batches);
            }
            BenchRunner runner = new BenchRunner(
                    batches.stream().map(StrategyBatch::contender).toList(), lab.plan(), new BenchRunner.Listener() {
                        @Override
                        public void starting(Contender c, boolean warm, int i, int of) {
                            if (bar != null) {
                                bar.starting(prefix + c.strategy() + (warm ? " warm-up " : " run ") + i + "/" + of);
                            }
                        }

                        @Override
                        public void ran(Contender c, boolean warm, int i, int of, BenchRun run) {
                            if (bar != null) {
                                bar.ran(weights.get(c.strategy()));
                            }
                            if (verbose || BenchStats.failed(run.report())) {
                                String line = prefix + runLine(c, warm, i, of, run.report());
                                if (bar != null) {
                                    bar.println(line);
                                } else {
                                    err.println(line);
                                    err.flush();
                                }
                            }
                        }
                    });
            try {
                runner.run();
                return new Point(runner.recorded(), false);
            } catch (InterruptedException e) {
                return new Point(runner.recorded(), true);
            }
        } finally {
            clients.forEach(Transport::shutdown);
        }
    }

    /** Prints the results, writes the exports and pictures; returns the exit code. */
    private int report(Workload workload, BenchPlan plan, Map<Integer, List<StrategyRuns>> done, boolean interrupted) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ScanResult.Point> points = new ArrayList<>();
        done.forEach((m, recorded) -> {
            BenchResult r = BenchStats.compute(workload, recorded);
            if (!r.strategies().isEmpty()) {
                points.add(new ScanResult.Point(m, r));
            }
        });
        boolean scan = scanM != null;
        if (interrupted) {
            err.println(spec.qualifiedName() + ": interrupted; "
                    + (points.isEmpty() ? "no run was recorded" : "the runs recorded so far:"));
        }
        if (points.isEmpty()) {
            err.flush();
            return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        }
        ScanResult scanResult = new ScanResult(workload, plan, points);
        BenchResult single = points.get(0).result();
        // A person's terminal gets tables that fit it; a pipe or a file gets each table whole, one row per line.
        int width = Terminal.stdoutIsTerminal() ? new Terminal.Width().columns() : Integer.MAX_VALUE;
        out.print(scan ? ScanFormat.render(format, scanResult, width) : format.render(single, width));
        out.flush();
        done.forEach((m, recorded) -> {
            for (String warning : BenchNotes.warnings(recorded)) {
                err.println("Warning: " + (scan ? "m=" + m + ": " : "") + warning);
            }
        });
        err.flush();
        List<String> summary = scan ? List.of() : BenchNotes.summary(single);
        if (!summary.isEmpty()) {
            PrintWriter to = format == BenchFormat.table ? out : err;
            if (format == BenchFormat.table) {
                to.println();
            }
            summary.forEach(to::println);
            to.flush();
        }
        boolean written = true;
        Map<Path, BenchFormat> exports = new LinkedHashMap<>();
        put(exports, exportJson, BenchFormat.json);
        put(exports, exportCsv, BenchFormat.csv);
        put(exports, exportMarkdown, BenchFormat.markdown);
        for (Map.Entry<Path, BenchFormat> e : exports.entrySet()) {
            String text = scan
                    ? ScanFormat.render(e.getValue(), scanResult)
                    : e.getValue().render(single);
            written &= write("--export-" + e.getValue().name(), e.getKey(), () -> Files.writeString(e.getKey(), text));
        }
        if (timeline != null) {
            written &= write(
                    "--timeline",
                    timeline,
                    () -> Timeline.write(
                            single.strategies().stream()
                                    .map(StrategyStats::medianRun)
                                    .toList(),
                            timeline));
        }
        if (plot != null) {
            written &= write("--plot", plot, () -> ScanPlot.write(scanResult, plot));
        }
        if (interrupted) {
            return ExitCodes.INTERRUPTED;
        }
        boolean anyFailed =
                points.stream().flatMap(p -> p.result().strategies().stream()).anyMatch(s -> s.failedRuns() > 0);
        return anyFailed || !written ? ExitCodes.ERRORS : ExitCodes.OK;
    }

    private static void put(Map<Path, BenchFormat> exports, Path file, BenchFormat format) {
        if (file != null) {
            exports.put(file, format);
        }
    }

    private boolean write(String option, Path file, OutputFile.Write write) {
        return OutputFile.write(spec, option, file, write);
    }

    /** "seq run 3/5: 3.02 s", "async warm-up 1/1: 0.25 s", plus the errors of a failed run. */
    static String runLine(Contender c, boolean warmup, int i, int of, BatchReport report) {
        String line = String.format(
                Locale.ROOT,
                "%s %s %d/%d: %.2f s",
                c.strategy(),
                warmup ? "warm-up" : "run",
                i,
                of,
                report.elapsed().toNanos() / 1e9);
        long errors = report.count(Status.ERROR);
        long notDone = report.notDone();
        if (errors > 0) {
            DownloadResult first = report.results().stream()
                    .filter(r -> r.status() == Status.ERROR)
                    .findFirst()
                    .orElseThrow();
            line += String.format(
                    Locale.ROOT,
                    ", %d error%s (first: %s %s)",
                    errors,
                    errors == 1 ? "" : "s",
                    first.cc(),
                    first.error());
        }
        if (notDone > 0) {
            line += ", " + notDone + " not done";
        }
        if (errors > 0 || notDone > 0) {
            line += warmup ? " [warm-up, not recorded]" : " [failed run]";
        }
        return line;
    }

    /** How long a run of {@code strategy} should take, for the progress bar's ETA. */
    private static double weight(Workload workload, Strategy strategy) {
        return BenchProgress.weight(
                workload.delay() == null ? null : BenchStats.ideal(workload, strategy.concurrency(workload.codes())));
    }

    private List<Integer> checkScan() {
        if (scanM == null) {
            if (plot != null) {
                throw new UsageException("--plot draws a scan: give --scan-m too");
            }
            return List.of(options.maxReq);
        }
        if (timeline != null) {
            throw new UsageException("--timeline draws one comparison: not with --scan-m (use --plot)");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--max-req")) {
            throw new UsageException("choose -m or --scan-m, not both");
        }
        return ScanSteps.parse(scanM, DownloadSetup.MAX_REQ);
    }

    private List<Kind> checkStrategies() {
        List<String> given = strategies == null ? (scanM == null ? DEFAULT_STRATEGIES : DEFAULT_SCAN) : strategies;
        String known = String.join(", ", new StrategyNames());
        if (given.isEmpty()) {
            throw new UsageException("--strategies needs at least one of " + known);
        }
        List<Kind> kinds = new ArrayList<>();
        for (String name : new LinkedHashSet<>(given)) {
            Kind kind = StrategyTable.named(name.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> UsageException.badValue("--strategies", "one of " + known, name));
            if (!kind.runsHere()) {
                throw new UsageException(kind.unavailable());
            }
            if (scanM != null && kind.create(2).concurrency(10) == 1) {
                throw new UsageException("--scan-m varies -m, which " + kind.name() + " ignores: leave " + kind.name()
                        + " out of --strategies");
            }
            kinds.add(kind);
        }
        return kinds;
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

    /** Every file an option writes: a usable name, and no two options writing the same file. */
    private void checkFiles() {
        OutputDir.checkTimeline(timeline);
        OutputDir.checkPicture("--plot", plot);
        OutputDir.checkFile("--export-json", exportJson);
        OutputDir.checkFile("--export-csv", exportCsv);
        OutputDir.checkFile("--export-markdown", exportMarkdown);
        Set<Path> seen = new HashSet<>();
        for (Path p : new Path[] {timeline, plot, exportJson, exportCsv, exportMarkdown}) {
            if (p != null && !seen.add(p.toAbsolutePath().normalize())) {
                throw new UsageException("two options would write the same file: " + Quote.of(p.toString()));
            }
        }
    }

    /** A label as given (LOCAL, REMOTE...), or the URL itself for -s URL. */
    private static String serverName(Site site) {
        return "URL".equals(site.label()) ? site.url().toString() : site.label();
    }
}
