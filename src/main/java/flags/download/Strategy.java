package flags.download;

import flags.http.Transport;
import java.util.List;
import java.util.function.Consumer;

/** When each download runs. The work itself is always {@link FlagClient}'s; only the scheduling differs. */
public interface Strategy {
    /** The name used in output: seq, threads, virtual, async or nio. */
    String name();

    /** The HTTP client its downloads go over: OkHttp unless it says otherwise. */
    default Transport.Kind transport() {
        return Transport.Kind.OKHTTP;
    }

    /**
     * Requests that can be in flight at once for a batch of {@code codes} codes. The caller sizes the client's
     * dispatcher and connection pool to it, so that no limit but the strategy's own applies.
     */
    int concurrency(int codes);

    /**
     * Downloads every code, handing each result to {@code onDone} as it completes (possibly from several
     * threads at once), and returns when all are done.
     *
     * <p>Interrupted (Ctrl-C), it cancels the client, waits until no download is running any more, hands over the
     * results of those that were, then throws: nothing is handed over after it returns or throws. A code that never
     * started is handed over as not done with no request, or not at all; the caller counts a missing one as not done.
     *
     * <p>Cancelled first (as Ctrl-C does), a strategy may also see every remaining code end as not done and return
     * before the interrupt arrives; the caller checks for the interrupt after it returns.
     *
     * @throws InterruptedException when the batch was interrupted
     */
    void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone) throws InterruptedException;
}
