package flags.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the real command lands. */
@Command(name = "seq", mixinStandardHelpOptions = true)
public final class SeqCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
