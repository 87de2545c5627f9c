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
        description = "Download flags on a pool of -m platform threads (an ExecutorService).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {" 0:every code ended ok or not found", " 1:at least one error",
                " 2:usage error", "130:interrupted (Ctrl-C)"})
public final class ThreadsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DownloadMixin options;

    @Mixin
    OutputMixin output;

    @Option(names = "--virtual", description = "One virtual thread per download, at most -m at once (Java 21+).")
    boolean virtual;

    @Option(names = "--in-order", description = "Hand results back in the order the codes were submitted (like "
            + "executor.map), not as they complete (like as_completed); -v shows the difference.")
    boolean inOrder;

    @Override
    public Integer call() throws Exception {
        if (virtual && !VirtualThreads.available()) {
            throw new UsageException(VirtualThreads.NEEDS_JAVA_21);
        }
        return new BatchRun(spec, options, output, System.in).run(m -> {
            ThreadPoolStrategy pool = virtual ? ThreadPoolStrategy.virtual(m) : new ThreadPoolStrategy(m);
            return inOrder ? pool.inOrder() : pool;
        });
    }
}
