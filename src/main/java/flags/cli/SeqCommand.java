package flags.cli;

import flags.download.SequentialStrategy;
import flags.download.Strategy;
import flags.download.StrategyTable;
import picocli.CommandLine.Command;

/** {@code flags seq}: one download at a time. */
@Command(name = "seq", description = StrategyTable.SEQ)
final class SeqCommand extends DownloadCommand {
    @Override
    Strategy strategy(int maxInFlight) {
        return new SequentialStrategy();
    }
}
