package flags.server;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flag routes on a Jetty core handler. The answer is decided when the request arrives; a task on the
 * server's {@link Scheduler} hands it to the pool once its wait is over: a waiting request holds no thread,
 * only its connection. It also tells the {@link HeadDeadline} when a connection is busy with a request and when it
 * waits for the next one, and leaves the delay and the requests in flight on the request for the
 * {@link AccessLog}.
 */
final class FlagHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(FlagHandler.class);

    /**
     * The only paths served, matched against the raw (still encoded) path: no dot segments, no percent
     * escapes, no extra slashes, so no traversal form can match. The source then checks real paths anyway.
     */
    static final Pattern FLAG_PATH = Pattern.compile("^/flags/([a-z]{2})/(\\1\\.gif|metadata\\.json)$");

    private final FlagSource source;
    private final Faults faults;
    private final int errorStatus;
    private final Scheduler scheduler;
    private final HeadDeadline heads;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger peakWaiting = new AtomicInteger();

    FlagHandler(FlagSource source, Faults faults, int errorStatus, Scheduler scheduler, HeadDeadline heads) {
        this.source = source;
        this.faults = faults;
        this.errorStatus = errorStatus;
        this.scheduler = scheduler;
        this.heads = heads;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        heads.headComplete(connection);
        inFlight.incrementAndGet();
        Request.addCompletionListener(request, failure -> {
            inFlight.decrementAndGet();
            heads.answered(connection);
        });
        Faults.Draw draw = faults.next();
        request.setAttribute(AccessLog.DELAY_NANOS, draw.delayNanos());
        Reply answer = draw.error() ? Reply.text(errorStatus) : route(request);
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if (draw.delayNanos() <= 0) {
            send(answer, request, response, head, callback);
            return true;
        }
        peakWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
        try {
            scheduler.schedule(
                    () -> {
                        waiting.decrementAndGet();
                        // The pool writes the answers, so 10,000 that fall due together are not sent one by one
                        // by the single scheduler thread.
                        try {
                            request.getContext().execute(() -> send(answer, request, response, head, callback));
                        } catch (RejectedExecutionException stopping) {
                            callback.failed(stopping);
                        }
                    },
                    draw.delayNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            waiting.decrementAndGet();
            callback.failed(stopping);
        }
        return true;
    }

    private void send(Reply answer, Request request, Response response, boolean head, Callback callback) {
        request.setAttribute(AccessLog.IN_FLIGHT, inFlight.get());
        answer.send(response, head, callback);
    }

    private Reply route(Request request) {
        Matcher m = FLAG_PATH.matcher(request.getHttpURI().getPath());
        if (!m.matches()) {
            return Reply.NOT_FOUND;
        }
        String file = m.group(2);
        Optional<byte[]> body;
        try {
            body = source.read(m.group(1), file);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", request.getHttpURI().getPath(), e.toString());
            return Reply.text(HttpStatus.INTERNAL_SERVER_ERROR_500);
        }
        if (body.isEmpty()) {
            return Reply.NOT_FOUND;
        }
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            return Reply.METHOD_NOT_ALLOWED;
        }
        return Reply.file(file.endsWith(".gif") ? "image/gif" : "application/json", body.get());
    }

    /** Requests received and not yet completely answered. */
    int inFlight() {
        return inFlight.get();
    }

    /** Requests waiting for their delay right now. */
    int waiting() {
        return waiting.get();
    }

    /** The most requests that were waiting at once. */
    int peakWaiting() {
        return peakWaiting.get();
    }
}
