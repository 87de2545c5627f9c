package flags.cli;

import flags.download.StrategyTable;
import picocli.CommandLine.Command;

/** {@code flags seq}: one download at a time. */
@Command(name = "seq", description = StrategyTable.SEQ)
final class SeqCommand extends DownloadCommand {}
