package flags.cli;

import flags.download.Strategy;
import flags.download.StrategyTable;
import flags.download.ThreadPoolStrategy;
import flags.download.VirtualThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flags threads}: a pool of platform threads, or one virtual thread per download. */
@Command(name = "threads", description = StrategyTable.THREADS)
final class ThreadsCommand extends DownloadCommand {
    @Option(names = "--virtual", description = StrategyTable.VIRTUAL)
    boolean virtual;

    @Option(
            names = "--in-order",
            description = "Hand results back in the order the codes were submitted (like executor.map), not as "
                    + "they complete (like as_completed); -v shows the difference.")
    boolean inOrder;

    @Override
    void checkRunsHere() {
        if (virtual && !VirtualThreads.available()) {
            throw new UsageException(VirtualThreads.NEEDS_JAVA_21);
        }
    }

    @Override
    Strategy strategy(int maxInFlight) {
        ThreadPoolStrategy pool =
                virtual ? ThreadPoolStrategy.virtual(maxInFlight) : new ThreadPoolStrategy(maxInFlight);
        return inOrder ? pool.inOrder() : pool;
    }
}
