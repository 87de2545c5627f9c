package flags.cli;

import flags.strategy.SequentialStrategy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flags seq}: download flags one request at a time (a plain loop). */
@Command(name = "seq", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = "Download flags one request at a time (a plain loop).")
public final class SeqCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DownloadMixin options;

    @Mixin
    OutputMixin output;

    @Mixin
    ExitStatusHelp exitStatus;

    @Override
    public Integer call() throws Exception {
        return new BatchRun(spec, options, output, System.in).run(m -> new SequentialStrategy());
    }
}
