package flags.http;

import flags.Attempt;
import flags.BatchClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The requests of one code, one {@link Attempt} each. An async call can wait in OkHttp's dispatcher queue long
 * after it was enqueued, so an attempt starts when an interceptor sees the call run, not when it was enqueued,
 * and ends once its body has been read: the spans are the requests really open, which is what
 * {@code max_in_flight} and the timeline show.
 */
public final class AttemptLog {
    private final BatchClock clock;
    private final List<Attempt> done = new ArrayList<>();
    private Duration open;
    private boolean nextIsRetry;
    private String retryAfter;

    public AttemptLog(BatchClock clock) {
        this.clock = clock;
    }

    synchronized void begin() {
        open = clock.elapsed();
        retryAfter = null;
    }

    /** Closes the attempt in flight, if one started (a call cancelled in the queue never did). */
    public synchronized void end() {
        if (open != null) {
            done.add(new Attempt(open, clock.elapsed(), nextIsRetry));
            open = null;
        }
    }

    /** Whether the request about to be made repeats the one before it; the code's requests run one by one. */
    public synchronized void nextIsRetry(boolean retry) {
        nextIsRetry = retry;
    }

    public synchronized List<Attempt> attempts() {
        return List.copyOf(done);
    }

    /** When the first attempt started; null when none did. */
    public synchronized Duration firstStart() {
        return done.isEmpty() ? open : done.get(0).start();
    }

    /**
     * The {@code Retry-After} of the attempt in flight, kept here because the network layer takes it off a 503:
     * OkHttp would otherwise repeat such a request by itself, unseen and uncounted.
     */
    synchronized void retryAfter(String value) {
        retryAfter = value;
    }

    public synchronized String retryAfter() {
        return retryAfter;
    }

    /** Begins an attempt of the request's {@link AttemptLog} tag when the call really runs. */
    static final class Start implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            if (chain.call().isCanceled()) {
                throw new IOException("Canceled"); // cancelled while queued: it never becomes an attempt
            }
            AttemptLog log = chain.request().tag(AttemptLog.class);
            if (log != null) {
                try {
                    log.begin();
                } catch (RuntimeException e) {
                    // OkHttp lets a RuntimeException kill its dispatcher thread with a stack trace: report it instead.
                    throw new IOException("internal error: " + e, e);
                }
            }
            return chain.proceed(chain.request());
        }
    }
}
