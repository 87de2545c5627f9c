package flags.cli;

import flags.download.StrategyTable;
import picocli.CommandLine.Command;

/** {@code flags nio}: the downloads as CompletableFutures of the JDK's non-blocking HttpClient. */
@Command(name = "nio", description = StrategyTable.NIO)
final class NioCommand extends DownloadCommand {}
