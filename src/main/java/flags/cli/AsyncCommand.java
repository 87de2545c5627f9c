package flags.cli;

import flags.download.StrategyTable;
import picocli.CommandLine.Command;

/** {@code flags async}: the downloads as CompletableFutures completed by OkHttp's callbacks. */
@Command(name = "async", description = StrategyTable.ASYNC)
final class AsyncCommand extends DownloadCommand {}
