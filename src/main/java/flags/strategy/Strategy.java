package flags.strategy;

import flags.download.DownloadResult;
import flags.download.FlagClient;
import java.util.List;
import java.util.function.Consumer;

/** When each download runs. The work itself is always {@link FlagClient}'s; only the scheduling differs. */
public interface Strategy {
    /** The name used in output: seq, threads, virtual or async. */
    String name();

    /** Requests that can be in flight at once for a batch of {@code codes} codes. */
    int concurrency(int codes);

    /**
     * Downloads every code, handing each result to {@code onDone} as it completes (possibly from several
     * threads at once), and returns when all are done.
     *
     * @throws InterruptedException when the batch is interrupted (Ctrl-C); results already handed over stand
     */
    void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone) throws InterruptedException;
}
