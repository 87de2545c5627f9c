package flags.bench;

import flags.BatchClock;
import flags.download.Batch;
import flags.download.FlagClient;
import flags.download.Strategy;
import flags.http.Transport;
import flags.report.BatchReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One batch of a strategy on {@link Batch}, exactly as {@code flags seq|threads|async|nio} runs it: a fresh clock
 * and {@link FlagClient} per run, the report taken when the strategy returns, and what the run cost the client side
 * measured by a {@link CostMeter}.
 *
 * <p>Each run saves into a new hidden directory inside the output directory, removed once the run is timed.
 * Saving over the files of the previous run would time the file system instead of the strategy: ext4 (the
 * default on Linux, {@code auto_da_alloc}) flushes a file renamed over an existing one, which measured 7 to 20
 * ms more per 20-code batch than saving the same files into an empty directory.
 *
 * <p>Every run shares the strategy's connections but gets threads of its own where its client has any (OkHttp's
 * dispatcher), stopped when the run ends: async's dispatcher threads are then made by each run, as the threads
 * strategy makes its pool, and the threads a run is measured with are its own, not idle ones left by another run.
 */
public final class MeasuredBatch implements Contender.Batch {
    /** Makes the client of one run: the HTTP client it uses, its clock, and the directory it saves into. */
    @FunctionalInterface
    public interface Clients {
        FlagClient create(Transport http, BatchClock clock, Path dir);
    }

    private final Strategy strategy;
    private final List<String> codes;
    private final Path output;
    private final Transport http;
    private final Clients clients;
    private final CostMeter meter;
    private volatile FlagClient current;
    private volatile boolean cancelled;

    /** {@code meter} may be null: the runs are then not measured. */
    public MeasuredBatch(
            Strategy strategy, List<String> codes, Path output, Transport http, Clients clients, CostMeter meter) {
        this.strategy = strategy;
        this.codes = List.copyOf(codes);
        this.output = output;
        this.http = http;
        this.clients = clients;
        this.meter = meter;
    }

    public Contender contender() {
        return new Contender(strategy.name(), strategy.concurrency(codes.size()), this);
    }

    @Override
    public MeasuredRun run() throws InterruptedException {
        Path dir = newRunDirectory();
        Transport runHttp = http.forRun();
        try {
            // Each run starts from the same heap, and the garbage of the run before is not collected inside this one.
            System.gc();
            if (meter != null) {
                meter.settle();
            }
            CostMeter.Window cost = meter == null ? null : meter.begin();
            BatchClock clock = new BatchClock();
            FlagClient client = clients.create(runHttp, clock, dir);
            current = client;
            if (cancelled) {
                client.cancel();
            }
            AtomicInteger ended = new AtomicInteger();
            Batch.Outcome batch = Batch.run(strategy, codes, client, clock, r -> {
                if (ended.incrementAndGet() == codes.size() && cost != null) {
                    cost.capture(); // the last result: the strategy's threads are all still alive
                }
            });
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped: a stopped run is not a measurement");
            }
            Duration elapsed = batch.elapsed();
            ClientCost spent = cost == null ? null : cost.end();
            if (cost != null) {
                elapsed = elapsed.minus(cost.captureTook()); // the measuring is not the strategy's time
            }
            return new MeasuredRun(
                    new BatchReport(
                            strategy.name(), strategy.concurrency(codes.size()), codes, batch.results(), elapsed),
                    spent);
        } finally {
            current = null;
            if (runHttp != http) {
                runHttp.shutdown(); // the threads made for this run; the shared client lives on
            }
            deleteTree(dir);
        }
    }

    /** Ctrl-C: cancels the run in progress, if any, and every later one. */
    public void cancel() {
        cancelled = true;
        FlagClient client = current;
        if (client != null) {
            client.cancel();
        }
    }

    private Path newRunDirectory() {
        try {
            Files.createDirectories(output);
            return Files.createTempDirectory(output, ".flags-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in " + output, e);
        }
    }

    /** Removes a directory and whatever is in it; a leftover is worth a failure, not silence. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
