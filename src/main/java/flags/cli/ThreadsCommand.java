package flags.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the real command lands. */
@Command(name = "threads", mixinStandardHelpOptions = true)
public final class ThreadsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
