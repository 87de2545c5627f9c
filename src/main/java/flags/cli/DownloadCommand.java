package flags.cli;

import flags.download.Strategy;
import flags.download.StrategyTable;
import flags.download.StrategyTable.Kind;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the download commands ({@link SeqCommand}, {@link ThreadsCommand}, {@link AsyncCommand},
 * {@link NioCommand}) share: the same options, the same batch, and the strategy built by the table row named as
 * the command, as the strategies differ only in when each download runs.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class)
abstract class DownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    FlagsCommand flags; // holds the standard input that -i - reads

    @Mixin
    DownloadMixin options;

    @Mixin
    OutputMixin output;

    @Mixin
    ExitStatusHelp exitStatus;

    /** The strategy table's row this command runs: the one named as the command, unless an option picks another. */
    Kind kind() {
        return StrategyTable.commandDefault(spec.name());
    }

    /** The strategy this command runs with at most {@code maxInFlight} requests in flight: built by its row. */
    Strategy strategy(int maxInFlight) {
        return kind().create(maxInFlight);
    }

    @Override
    public final Integer call() throws IOException {
        Kind kind = kind();
        if (!kind.runsHere()) {
            throw new UsageException(kind.unavailable()); // checked before any other option
        }
        return new BatchRun(spec, options, output, flags.stdin()).run(this::strategy);
    }
}
