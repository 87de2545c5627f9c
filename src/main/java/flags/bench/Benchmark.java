package flags.bench;

import flags.download.DownloadResult;
import flags.download.Status;
import flags.download.Strategy;
import flags.download.StrategyTable.Kind;
import flags.http.Transport;
import flags.report.BatchReport;
import flags.server.FlagServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code flags bench} once its options are known good: at each {@code -m}, one client per strategy, the plan run
 * round-robin with a progress bar or a line per run, each run measured, Ctrl-C stopping the run in progress and
 * keeping the runs recorded so far. The command gives it the clients, made from its options, and keeps the server
 * they download from.
 */
public final class Benchmark {
    /** Where the runs download from, made by the command: an HTTP client per strategy, a flag client per run. */
    public interface Clients extends MeasuredBatch.Clients {
        /** The HTTP client a strategy keeps for all its runs at one {@code -m}: its transport, sized for it. */
        Transport http(Transport.Kind kind, int concurrency);
    }

    /**
     * What to run: the strategies at each {@code -m} with the plan, on these codes, saving under {@code output}, or,
     * when null, under a temporary directory removed afterwards.
     */
    public record Setup(
            Workload workload,
            List<Kind> strategies,
            List<Integer> maxReqs,
            BenchPlan plan,
            List<String> codes,
            Path output,
            Clients clients) {}

    /** How the runs show while they go: a bar, and a line per run ({@code verbose}; failed runs always). */
    public record Live(PrintWriter err, boolean bar, boolean verbose) {}

    private final Setup setup;
    private final Live live;

    public Benchmark(Setup setup, Live live) {
        this.setup = setup;
        this.live = live;
    }

    /**
     * Runs it all. {@code onStop} is given what Ctrl-C must do (cancel the run in progress and interrupt this
     * thread); it is given a no-op once the runs are over, so a later Ctrl-C waits for the report.
     */
    public BenchOutcome run(Consumer<Runnable> onStop) throws IOException {
        // Without -o the runs save under the system's temporary directory: bench leaves nothing where it ran.
        Path runDir = setup.output() != null ? setup.output() : Files.createTempDirectory("flags-bench-");
        try (CostMeter meter = CostMeter.start(List.of(FlagServer.THREAD_NAME_PREFIX))) {
            return run(runDir, meter, onStop);
        } finally {
            if (setup.output() == null) {
                MeasuredBatch.deleteTree(runDir);
            }
        }
    }

    /** The runs saving under {@code runDir}, measured by {@code meter} (null when this JVM cannot measure them). */
    private BenchOutcome run(Path runDir, CostMeter meter, Consumer<Runnable> onStop) {
        List<MeasuredBatch> running = new ArrayList<>();
        Thread command = Thread.currentThread();
        Map<Integer, List<RecordedRuns>> done = new LinkedHashMap<>();
        boolean interrupted = false;
        onStop.accept(() -> {
            synchronized (running) {
                running.forEach(MeasuredBatch::cancel);
            }
            command.interrupt();
        });
        try (BenchProgress bar = live.bar() ? new BenchProgress(runsInAll(), weightInAll(), live.err()) : null) {
            for (int m : setup.maxReqs()) {
                AtM atM = runAt(m, runDir, meter, running, bar);
                done.put(m, atM.recorded());
                if (atM.interrupted()) {
                    interrupted = true;
                    break;
                }
            }
        } // the bar is gone before the results print
        onStop.accept(() -> {});
        interrupted |= Thread.interrupted();
        return new BenchOutcome(
                setup.workload(), setup.plan(), done, setup.maxReqs().size() > 1, interrupted);
    }

    /** The recorded runs at one {@code -m}, all of them or those before Ctrl-C. */
    private record AtM(List<RecordedRuns> recorded, boolean interrupted) {}

    /** One whole benchmark at {@code -m} = {@code m}: its clients, built for m, closed when it ends. */
    private AtM runAt(int m, Path runDir, CostMeter meter, List<MeasuredBatch> running, BenchProgress bar) {
        String prefix = setup.maxReqs().size() > 1 ? "m=" + m + " " : "";
        List<Transport> clients = new ArrayList<>();
        List<MeasuredBatch> batches = new ArrayList<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        try {
            for (Kind kind : setup.strategies()) {
                Strategy strategy = kind.create(m);
                // One HTTP client per strategy and m, its connections kept by all its runs, as a program keeps its
                // client: after the warm-up, the runs time the strategy, not the opening of connections.
                Transport http = setup.clients()
                        .http(
                                strategy.transport(),
                                strategy.concurrency(setup.codes().size()));
                clients.add(http);
                batches.add(new MeasuredBatch(strategy, setup.codes(), runDir, http, setup.clients(), meter));
                weights.put(strategy.name(), weight(strategy));
            }
            synchronized (running) {
                running.clear();
                running.addAll(batches);
            }
            RoundRobin runner = new RoundRobin(
                    batches.stream().map(MeasuredBatch::contender).toList(), setup.plan(), new RoundRobin.Listener() {
                        @Override
                        public void starting(Contender c, boolean warm, int i, int of) {
                            if (bar != null) {
                                bar.starting(prefix + c.strategy() + (warm ? " warm-up " : " run ") + i + "/" + of);
                            }
                        }

                        @Override
                        public void ran(Contender c, boolean warm, int i, int of, MeasuredRun run) {
                            if (bar != null) {
                                bar.ran(weights.get(c.strategy()));
                            }
                            if (live.verbose() || BenchStats.failed(run.report())) {
                                println(bar, prefix + runLine(c, warm, i, of, run.report()));
                            }
                        }
                    });
            try {
                runner.run();
                return new AtM(runner.recorded(), false);
            } catch (InterruptedException e) {
                return new AtM(runner.recorded(), true);
            }
        } finally {
            clients.forEach(Transport::shutdown);
        }
    }

    private void println(BenchProgress bar, String line) {
        if (bar != null) {
            bar.println(line);
        } else {
            live.err().println(line);
            live.err().flush();
        }
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

    private int runsInAll() {
        return setup.maxReqs().size()
                * setup.strategies().size()
                * (setup.plan().warmup() + setup.plan().runs());
    }

    private double weightInAll() {
        double weight = 0;
        for (int m : setup.maxReqs()) {
            for (Kind kind : setup.strategies()) {
                weight += (setup.plan().warmup() + setup.plan().runs()) * weight(kind.create(m));
            }
        }
        return weight;
    }

    /** How long a run of {@code strategy} should take, for the progress bar's ETA. */
    private double weight(Strategy strategy) {
        Workload w = setup.workload();
        return BenchProgress.weight(w.delay() == null ? null : BenchStats.ideal(w, strategy.concurrency(w.codes())));
    }
}
