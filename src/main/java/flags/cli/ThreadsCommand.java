package flags.cli;

import flags.strategy.ThreadPoolStrategy;
import flags.strategy.VirtualThreads;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flags threads}: download flags on a pool of -m platform threads. */
@Command(name = "threads", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = "Download flags on a pool of -m platform threads (an ExecutorService).")
public final class ThreadsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DownloadMixin options;

    @Mixin
    OutputMixin output;

    @Mixin
    ExitStatusHelp exitStatus;

    @Option(names = "--virtual", description = "One virtual thread per download, at most -m at once (Java 21+).")
    boolean virtual;

    @Override
    public Integer call() throws Exception {
        if (virtual && !VirtualThreads.available()) {
            throw new UsageException(VirtualThreads.NEEDS_JAVA_21);
        }
        return new BatchRun(spec, options, output, System.in)
                .run(m -> virtual ? ThreadPoolStrategy.virtual(m) : new ThreadPoolStrategy(m));
    }
}
