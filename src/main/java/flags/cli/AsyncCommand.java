package flags.cli;

import flags.strategy.AsyncStrategy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flags async}: download flags through a CompletableFuture pipeline over OkHttp's async calls. */
@Command(name = "async", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = "Download flags through a CompletableFuture pipeline over OkHttp's async calls.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {" 0:every code ended ok or not found", " 1:at least one error",
                " 2:usage error", "130:interrupted (Ctrl-C)"})
public final class AsyncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DownloadMixin options;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() throws Exception {
        return new BatchRun(spec, options, output, System.in).run(m -> new AsyncStrategy(m));
    }
}
