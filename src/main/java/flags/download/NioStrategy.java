package flags.download;

import flags.http.Transport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@code flags nio}: every download a {@link CompletableFuture} over the JDK's non-blocking HTTP client. */
public final class NioStrategy implements Strategy {
    private final int maxInFlight;

    public NioStrategy(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public int concurrency(int codes) {
        return Math.min(maxInFlight, codes);
    }

    /** The JDK's client: the same pipeline as async's, over a client that holds no thread per request. */
    @Override
    public Transport.Kind transport() {
        return Transport.Kind.JDK;
    }

    // The client's one selector thread does the I/O of every connection while a few threads run the callbacks
    // (flags2_asyncio.py and its event loop). No thread waits for any one request; the limit is held by Lanes, as
    // the book's semaphore holds it.
    @Override
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone)
            throws InterruptedException {
        Lanes.run(codes, concurrency(codes.size()), client, onDone);
    }
}
