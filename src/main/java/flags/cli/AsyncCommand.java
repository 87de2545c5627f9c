package flags.cli;

import flags.strategy.AsyncStrategy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flags async}: download flags through a CompletableFuture pipeline over OkHttp's async calls. */
@Command(name = "async", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = "Download flags through a CompletableFuture pipeline over OkHttp's async calls.")
public final class AsyncCommand implements Callable<Integer> {
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
        return new BatchRun(spec, options, output, System.in).run(m -> new AsyncStrategy(m));
    }
}
