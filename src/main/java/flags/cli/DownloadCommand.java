package flags.cli;

import flags.download.Strategy;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the download commands ({@link SeqCommand}, {@link ThreadsCommand}, {@link AsyncCommand},
 * {@link NioCommand}) share: the same options and the same batch; each says only which strategy runs, as the
 * strategies differ only in when each download runs.
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

    /** The strategy this command runs with at most {@code maxInFlight} requests in flight. */
    abstract Strategy strategy(int maxInFlight);

    /** A usage error when this JVM cannot run what the options ask for; checked before any other option. */
    void checkRunsHere() {}

    @Override
    public final Integer call() throws IOException {
        checkRunsHere();
        return new BatchRun(spec, options, output, flags.stdin()).run(this::strategy);
    }
}
