package flags.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import okhttp3.HttpUrl;

/**
 * A body as the JDK client delivers it, pushed chunk by chunk into a {@link BodySink} on the client's executor: no
 * thread waits for the next bytes, and none is held whole. The result is the sink's end, or the exchange's failure;
 * {@link #abort} (a deadline, a cancel) ends it from any thread.
 */
final class NioBody<R> implements HttpResponse.BodySubscriber<R> {
    private final BodySink<R> sink;
    private final Exchange<R> exchange;
    private final HttpUrl url;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean done;

    NioBody(BodySink<R> sink, Exchange<R> exchange, HttpUrl url) {
        this.sink = sink;
        this.exchange = exchange;
        this.url = url;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (done) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> chunks) {
        if (done) {
            return;
        }
        try {
            for (ByteBuffer chunk : chunks) {
                sink.write(chunk);
            }
            subscription.request(1); // one list at a time: the body never runs ahead of the disk
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException | Error e) {
            done = true;
            subscription.cancel();
            sink.abandon(new IOException(e));
            result.completeExceptionally(e);
        }
    }

    @Override
    public synchronized void onError(Throwable failure) {
        if (!done) {
            fail(JdkFailures.translate(failure, url));
        }
    }

    @Override
    public synchronized void onComplete() {
        if (done) {
            return;
        }
        try {
            R value = sink.end();
            done = true;
            result.complete(value);
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Ends the body now with {@code why}, unless it has ended; the connection is given up. */
    synchronized void abort(IOException why) {
        if (!done) {
            fail(why); // done before the cancel: JDK 25's cancel calls onError back on this thread, with its own words
        }
    }

    private void fail(IOException why) {
        done = true;
        if (subscription != null) {
            subscription.cancel();
        }
        result.complete(exchange.failed(sink.abandon(why)));
    }

    @Override
    public CompletionStage<R> getBody() {
        return result;
    }
}
