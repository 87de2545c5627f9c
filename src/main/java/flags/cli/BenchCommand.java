package flags.cli;

import flags.BatchClock;
import flags.bench.BenchFiles;
import flags.bench.BenchFormat;
import flags.bench.BenchOutcome;
import flags.bench.BenchPlan;
import flags.bench.Benchmark;
import flags.bench.Workload;
import flags.download.FlagClient;
import flags.download.StrategyTable;
import flags.download.StrategyTable.Kind;
import flags.http.Transport;
import flags.server.FlagServer;
import flags.store.FlagStore;
import flags.text.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
                    + "at least N x work / cores), known only for the embedded server. A terminal narrower "
                    + "than the table gets fewer columns, the client's cost first to go.",
            "The Summary ranks by median, as the speedup does, and tests each difference with Welch's t test "
                    + "on the runs: 'threads ran 1.52 times faster than async (p < 0.001)', or, with p of 0.05 "
                    + "or more, 'threads and async: no measurable difference (p = 0.43)'.",
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

    @Mixin
    ProgressMixin progress;

    @Option(
            names = {"-v", "--verbose"},
            description = "A line per run on stderr (seq run 3/5: 3.02 s).")
    boolean verbose;

    @Mixin
    LoggingMixin logging;

    @Override
    public Integer call() throws Exception {
        List<Integer> ms = checkScan();
        List<Kind> kinds = checkStrategies();
        BenchPlan plan = checkPlan();
        DownloadSetup setup = DownloadSetup.check(options, stdin);
        kinds.forEach(kind -> setup.checkTransport(kind.name(), kind.create(1).transport()));
        BenchFiles files = checkFiles();
        logging.apply();
        boolean outputGiven = spec.commandLine().getParseResult().hasMatchedOption("--output");
        if (outputGiven) {
            setup.prepareOutput();
        }
        // Ctrl-C holds the JVM until the run directory is deleted and the server stopped.
        try (CtrlC ctrlC = CtrlC.install()) {
            BenchOutcome outcome = measure(setup, kinds, ms, plan, outputGiven ? options.output : null, ctrlC);
            boolean written = outcome.report(
                    format,
                    files,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    spec.qualifiedName(),
                    (option, file, content) -> OutputFile.write(spec, option, file, content::write));
            if (outcome.interrupted()) {
                return ExitCodes.INTERRUPTED;
            }
            return outcome.anyFailed() || !written ? ExitCodes.ERRORS : ExitCodes.OK;
        }
    }

    /** The runs, against the server and through the clients that the download options give. */
    @SuppressWarnings("try") // the SOCKS login is held for the bench; closing it puts the previous one back
    private BenchOutcome measure(
            DownloadSetup setup, List<Kind> kinds, List<Integer> ms, BenchPlan plan, Path output, CtrlC ctrlC)
            throws IOException {
        try (FlagServer embedded = setup.startServer(Duration.ZERO);
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
            Benchmark.Clients clients = new Benchmark.Clients() {
                @Override
                public Transport http(Transport.Kind kind, int concurrency) {
                    return setup.transport(kind, concurrency);
                }

                @Override
                public FlagClient create(Transport http, BatchClock clock, Path dir) {
                    return setup.client(http, from.url(), clock, new FlagStore(dir));
                }
            };
            Benchmark bench = new Benchmark(
                    new Benchmark.Setup(workload, kinds, ms, plan, setup.codes(), output, clients),
                    new Benchmark.Live(spec.commandLine().getErr(), progress.shown(verbose), verbose));
            return bench.run(ctrlC::onSignal);
        }
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
    private BenchFiles checkFiles() {
        OutputDir.checkTimeline(timeline);
        OutputDir.checkPicture("--plot", plot);
        OutputDir.checkFile("--export-json", exportJson);
        OutputDir.checkFile("--export-csv", exportCsv);
        OutputDir.checkFile("--export-markdown", exportMarkdown);
        BenchFiles files = new BenchFiles(exportJson, exportCsv, exportMarkdown, timeline, plot);
        Set<Path> seen = new HashSet<>();
        for (Path p : files.all()) {
            if (!seen.add(p.toAbsolutePath().normalize())) {
                throw new UsageException("two options would write the same file: " + Quote.of(p.toString()));
            }
        }
        return files;
    }

    /** A label as given (LOCAL, REMOTE...), or the URL itself for -s URL. */
    private static String serverName(Site site) {
        return "URL".equals(site.label()) ? site.url().toString() : site.label();
    }
}
