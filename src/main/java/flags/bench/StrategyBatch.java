package flags.bench;

import flags.download.BatchClock;
import flags.download.FlagClient;
import flags.report.BatchReport;
import flags.report.ResultLog;
import flags.strategy.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One batch of a strategy, exactly as {@code flags seq|threads|async} runs it: a fresh clock and
 * {@link FlagClient} per run, every result collected in a {@link ResultLog}, the report taken when the strategy
 * returns.
 *
 * <p>Each run saves into a new hidden directory inside the output directory, removed once the run is timed.
 * Saving over the files of the previous run would time the file system instead of the strategy: ext4 (the
 * default on Linux, {@code auto_da_alloc}) flushes a file renamed over an existing one, which measured 7 to 20
 * ms more per 20-code batch than saving the same files into an empty directory.
 */
public final class StrategyBatch implements Batch {
    /** Makes the client of one run: its clock, and the directory it saves into. */
    @FunctionalInterface
    public interface Clients {
        FlagClient create(BatchClock clock, Path dir);
    }

    private final Strategy strategy;
    private final List<String> codes;
    private final Path output;
    private final Clients clients;
    private volatile FlagClient current;
    private volatile boolean cancelled;

    public StrategyBatch(Strategy strategy, List<String> codes, Path output, Clients clients) {
        this.strategy = strategy;
        this.codes = List.copyOf(codes);
        this.output = output;
        this.clients = clients;
    }

    public Contender contender() {
        return new Contender(strategy.name(), strategy.concurrency(codes.size()), this);
    }

    @Override
    public BatchReport run() throws InterruptedException {
        Path dir = newRunDirectory();
        try {
            BatchClock clock = new BatchClock();
            FlagClient client = clients.create(clock, dir);
            current = client;
            if (cancelled) {
                client.cancel();
            }
            ResultLog log = new ResultLog();
            try {
                strategy.run(codes, client, log);
            } finally {
                client.finishBatch();
            }
            return log.report(strategy.name(), strategy.concurrency(codes.size()), codes, clock.elapsed());
        } finally {
            current = null;
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

    /** Removes a run's directory and whatever is in it; a leftover is worth a failure, not silence. */
    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
