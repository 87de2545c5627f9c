package flags.http;

import flags.text.Redact;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * One request over the JDK client, with its redirects (followed here, by the blocking client's rules) and one
 * deadline from connect to last byte; the client's own request timeout stops at the head. {@link #abort} ends it
 * from any thread.
 */
final class JdkExchange<R> {
    private static final Set<Integer> REDIRECTS = Set.of(300, 301, 302, 303, 307, 308);

    private final Function<HttpUrl, HttpClient> clients;
    private final Outgoing request;
    private final Exchange<R> exchange;
    private final Proxies proxies;
    private final Set<String> answering;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final Set<HttpUrl> seen = new HashSet<>();
    private volatile CompletableFuture<?> inFlight;
    private volatile NioBody<R> body;
    private volatile IOException aborted;
    private volatile BadAnswerException headFailure;
    private volatile int resends;

    /**
     * {@code clients} gives the client for each hop's URL (the TLS one for https); {@code answering} holds the
     * servers (host:port) that have sent an answer's head in this batch, shared by the client's exchanges.
     */
    JdkExchange(
            Function<HttpUrl, HttpClient> clients,
            Outgoing request,
            Exchange<R> exchange,
            Proxies proxies,
            Set<String> answering) {
        this.clients = clients;
        this.request = request;
        this.exchange = exchange;
        this.proxies = proxies;
        this.answering = answering;
    }

    /** Sends the request; the result is the exchange's, completed exceptionally only when the exchange threw. */
    CompletableFuture<R> start(ScheduledExecutorService timer, Duration timeout) {
        ScheduledFuture<?> deadline = timer.schedule(
                () -> abort(new SocketTimeoutException("timeout")), timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((r, e) -> deadline.cancel(false));
        seen.add(request.url());
        hop(request.url(), request.headers(), 0);
        return result;
    }

    /** Ends the request now with {@code why} (a deadline, a cancel), unless it has ended. */
    void abort(IOException why) {
        if (result.isDone() || aborted != null) {
            return;
        }
        aborted = why;
        NioBody<R> reading = body;
        if (reading != null) {
            reading.abort(why);
        }
        CompletableFuture<?> sent = inFlight;
        if (sent != null) {
            sent.cancel(true); // since JDK 16 this also aborts the exchange and closes its connection
        }
    }

    private void hop(HttpUrl url, Map<String, String> headers, int hops) {
        HttpRequest.Builder built = HttpRequest.newBuilder(url.uri()).GET();
        headers.forEach(built::header);
        proxies.authorizationFor(url).ifPresent(value -> built.header("Proxy-Authorization", value));
        CompletableFuture<HttpResponse<Step<R>>> sent =
                clients.apply(url).sendAsync(built.build(), info -> subscriber(info, url));
        inFlight = sent;
        if (aborted != null) {
            sent.cancel(true);
        }
        sent.whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    if (!resentStale(failure, url, headers, hops)) {
                        failed(failure, url);
                    }
                } else {
                    next(response.body(), url, headers, hops);
                }
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
    }

    /**
     * Sends a hop again when its connection closed before any byte of an answer: the JDK's client resends such a
     * request once by itself, but on another pooled connection, which a server with a very short keep-alive timeout
     * has closed as well (and under load, the next one too). Not an attempt, as the blocking client's resends on a
     * new connection are not.
     */
    private boolean resentStale(Throwable failure, HttpUrl url, Map<String, String> headers, int hops) {
        Throwable root =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        // Only a server known to answer gets more than one: the closed connections were then its idle ones, while
        // one that never answered may close every connection (each resend costs the JDK's own retry too).
        int limit = answering.contains(server(url)) ? StaleConnectionRetry.MAX_RESENDS : 1;
        if (resends >= limit || aborted != null || body != null || !JdkFailures.closedBeforeAnswer(root)) {
            return false;
        }
        resends++;
        hop(url, headers, hops);
        return true;
    }

    private void failed(Throwable failure, HttpUrl url) {
        Throwable root =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (headFailure != null) {
            root = headFailure; // what the JDK's client made of that head (it may throw) does not matter
        } else if (root instanceof NumberFormatException e) {
            root = JdkFailures.contentLength(e); // the JDK's client reads the head's Content-Length as one number
        }
        if (root instanceof RuntimeException && !(root instanceof CancellationException) || root instanceof Error) {
            result.completeExceptionally(root); // the exchange threw: a bug of ours, the code's crash
            return;
        }
        IOException why =
                aborted != null ? aborted : headFailure != null ? headFailure : JdkFailures.translate(root, url);
        NioBody<R> reading = body;
        if (reading == null) {
            result.complete(exchange.failed(why));
            return;
        }
        // The body had begun: it ends through its sink (which removes its file), if it has not ended already.
        reading.abort(why);
        reading.getBody().thenAccept(result::complete);
    }

    /** After a head: the answer, or the next hop of a redirect. */
    private void next(Step<R> step, HttpUrl url, Map<String, String> headers, int hops) {
        if (!step.redirect()) {
            result.complete(step.value());
            return;
        }
        HttpUrl next = step.location() == null ? null : url.resolve(step.location());
        String problem = null;
        if (next == null) {
            problem = RedirectInterceptor.unfollowable(step.code(), step.location(), url);
        } else if (!seen.add(next)) {
            problem = "redirect loop at " + Redact.url(next);
        } else if (hops + 1 > HttpClients.MAX_REDIRECTS) {
            problem = "more than " + HttpClients.MAX_REDIRECTS + " redirects";
        }
        if (problem != null) {
            result.complete(exchange.failed(new RedirectInterceptor.RedirectException(problem)));
            return;
        }
        Map<String, String> nextHeaders = new LinkedHashMap<>(headers);
        if (!RedirectInterceptor.sameOrigin(url, next)) {
            nextHeaders.remove("Authorization"); // credentials only for the origin they were given for
        }
        if (aborted == null) {
            hop(next, nextHeaders, hops + 1);
        } else {
            result.complete(exchange.failed(aborted));
        }
    }

    /** Where the body of an answer goes, decided from its head. */
    private HttpResponse.BodySubscriber<Step<R>> subscriber(HttpResponse.ResponseInfo info, HttpUrl url) {
        int code = info.statusCode();
        if (REDIRECTS.contains(code)) {
            String location = info.headers().firstValue("Location").orElse(null);
            return HttpResponse.BodySubscribers.replacing(new Step<>(true, code, location, null));
        }
        answering.add(server(url));
        request.log().retryAfter(info.headers().firstValue("Retry-After").orElse(null));
        if (headBytes(info.headers()) > HeadRules.MAX_HEAD) {
            headFailure = new BadAnswerException(HeadRules.headTooLarge()); // the JDK's client reads more
            return failing(headFailure, url);
        }
        List<String> lengths = HeadRules.contentLengths(info.headers().allValues("Content-Length"));
        List<String> transferCodings = info.headers().allValues("Transfer-Encoding");
        String framing = HeadRules.badFraming(lengths, transferCodings);
        if (framing != null) {
            headFailure = new BadAnswerException(framing);
            return failing(headFailure, url);
        }
        boolean chunked = !transferCodings.isEmpty();
        if (chunked && !lengths.isEmpty()) {
            // HTTP says the chunks win; the JDK's client reads Content-Length bytes instead, so refuse the answer.
            headFailure = new BadAnswerException(
                    "malformed answer: both Transfer-Encoding and Content-Length, which the JDK's HTTP client misreads");
            return failing(headFailure, url);
        }
        List<String> codings = info.headers().allValues("Content-Encoding");
        boolean success = code >= 200 && code < 300;
        boolean gzip = success && HeadRules.gzip(codings);
        String unsupported = success ? HeadRules.unsupportedCoding(codings) : null;
        long length = chunked || gzip || lengths.isEmpty() ? -1 : Long.parseLong(lengths.get(0));
        Head head = new Head(
                code,
                "",
                length,
                name -> gzip && GzipSink.decodedAway(name)
                        ? List.of()
                        : info.headers().allValues(name));
        BodySink<R> sink = exchange.head(head);
        if (gzip && sink.wantsBody()) {
            sink = new GzipSink<>(sink, lengths.isEmpty() && !chunked);
        }
        NioBody<R> reading = new NioBody<>(sink, exchange, url);
        body = reading;
        if (aborted != null) {
            reading.abort(aborted);
        } else if (unsupported != null && sink.wantsBody()) {
            reading.abort(new BadAnswerException(unsupported)); // never asked for, so never decoded
        }
        return HttpResponse.BodySubscribers.mapping(reading, value -> new Step<>(false, code, null, value));
    }

    /** An answer whose head already broke HTTP's rules: its body is not read, its connection given up. */
    private HttpResponse.BodySubscriber<Step<R>> failing(BadAnswerException why, HttpUrl url) {
        NioBody<R> refused = new NioBody<>(BodySink.ignoring(null), exchange, url);
        refused.abort(why);
        return HttpResponse.BodySubscribers.mapping(refused, value -> new Step<>(false, 0, null, value));
    }

    /** The head's size as its fields say, "Name: value" and CRLF each: the JDK's client keeps no count of bytes. */
    private static long headBytes(HttpHeaders headers) {
        long bytes = 0;
        for (Map.Entry<String, List<String>> field : headers.map().entrySet()) {
            for (String value : field.getValue()) {
                bytes += field.getKey().length() + 2 + value.length() + 2;
            }
        }
        return bytes;
    }

    /** What one hop ended with: a redirect to follow, or the exchange's result. */
    private record Step<R>(boolean redirect, int code, String location, R value) {}

    private static String server(HttpUrl url) {
        return url.host() + ":" + url.port();
    }
}
