package flags.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * How the bytes of {@code FlagClient}'s requests move, and nothing else: a transport sends an {@link Outgoing}
 * request, follows its redirects, and reports the head, the body's chunks and any failure to an {@link Exchange}.
 * Building the request, judging the answer, saving the body and retrying stay in {@code FlagClient}.
 */
public interface Transport {
    /** The clients a transport can be built on. */
    enum Kind {
        /** OkHttp: blocking I/O, one thread per call in flight (seq, threads, virtual, async). */
        OKHTTP,
        /** The JDK's {@code java.net.http.HttpClient}: one selector thread for every connection (nio). */
        JDK
    }

    /** A transport of {@code kind} for at most {@code maxInFlight} requests at once through {@code proxies}. */
    static Transport create(Kind kind, int maxInFlight, Duration timeout, Proxies proxies) {
        return switch (kind) {
            case OKHTTP -> new OkHttpTransport(HttpClients.create(maxInFlight, timeout, proxies));
            case JDK -> JdkTransport.create(maxInFlight, timeout, proxies);
        };
    }

    /** Sends {@code request} and waits for its exchange's result; an interrupt ends the wait and the request. */
    <R> R send(Outgoing request, Exchange<R> exchange) throws InterruptedException;

    /** Sends {@code request} without waiting; the future never completes exceptionally unless the exchange threw. */
    <R> CompletableFuture<R> sendAsync(Outgoing request, Exchange<R> exchange);

    /** Cancels every request in flight and every later one. */
    void cancelAll();

    /** The limit of one request, connect to last byte. */
    Duration timeout();

    /** The transport for one run of a benchmark: the same connections, threads of its own where it has any. */
    default Transport forRun() {
        return this;
    }

    /** Releases threads and pooled connections, so the JVM can exit promptly. */
    void shutdown();

    /** After {@link #shutdown()}: waits until no thread of this transport runs any more; false on timeout. */
    boolean awaitTermination(Duration limit) throws InterruptedException;
}
