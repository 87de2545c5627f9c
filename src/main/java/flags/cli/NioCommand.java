package flags.cli;

import flags.download.NioStrategy;
import flags.download.Strategy;
import flags.download.StrategyTable;
import picocli.CommandLine.Command;

/** {@code flags nio}: the downloads as CompletableFutures of the JDK's non-blocking HttpClient. */
@Command(name = "nio", description = StrategyTable.NIO)
final class NioCommand extends DownloadCommand {
    @Override
    Strategy strategy(int maxInFlight) {
        return new NioStrategy(maxInFlight);
    }
}
