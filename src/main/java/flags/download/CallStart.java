package flags.download;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Records when a code's first request really starts. An async call can wait in OkHttp's dispatcher queue
 * long after it was enqueued, so the time is taken by an interceptor, which runs only once the call runs.
 */
public final class CallStart {
    private final BatchClock clock;
    private volatile Duration at;

    public CallStart(BatchClock clock) {
        this.clock = clock;
    }

    void mark() {
        if (at == null) {
            at = clock.elapsed();
        }
    }

    /** The first start, or now if no request ever ran (the code failed before sending anything). */
    Duration at() {
        Duration t = at;
        return t != null ? t : clock.elapsed();
    }

    /** Marks the request's {@link CallStart} tag, if it has one. */
    static final class Interceptor implements okhttp3.Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            CallStart start = chain.request().tag(CallStart.class);
            if (start != null) {
                start.mark();
            }
            return chain.proceed(chain.request());
        }
    }
}
