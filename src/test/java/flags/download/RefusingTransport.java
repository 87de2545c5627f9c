package flags.download;

import flags.http.Exchange;
import flags.http.Outgoing;
import flags.http.Transport;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Answers every request at once with a refused connection, on the calling thread: a client with no network. */
final class RefusingTransport implements Transport {
    @Override
    public <R> R send(Outgoing request, Exchange<R> exchange) {
        return exchange.failed(new ConnectException("refused"));
    }

    @Override
    public <R> CompletableFuture<R> sendAsync(Outgoing request, Exchange<R> exchange) {
        return CompletableFuture.completedFuture(exchange.failed(new ConnectException("refused")));
    }

    @Override
    public void cancelAll() {}

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void shutdown() {}

    @Override
    public boolean awaitTermination(Duration limit) {
        return true;
    }
}
