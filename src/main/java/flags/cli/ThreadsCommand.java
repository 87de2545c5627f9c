package flags.cli;

import flags.download.Strategy;
import flags.download.StrategyTable;
import flags.download.StrategyTable.Kind;
import flags.download.ThreadPoolStrategy;
import flags.download.VirtualThreadStrategy;
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
    Kind kind() {
        return virtual ? StrategyTable.named("virtual").orElseThrow() : super.kind();
    }

    @Override
    Strategy strategy(int maxInFlight) {
        Strategy strategy = super.strategy(maxInFlight);
        if (!inOrder) {
            return strategy;
        }
        return strategy instanceof VirtualThreadStrategy perTask
                ? perTask.inOrder()
                : ((ThreadPoolStrategy) strategy).inOrder();
    }
}
