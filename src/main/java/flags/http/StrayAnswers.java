package flags.http;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import okhttp3.Connection;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Bytes a server sends after a complete answer, which no request asked for: found by the socket that reads them,
 * they close their connection, make an answer on a reused connection untrusted, and mark their server as one to
 * send one request per connection from then on, since a stray answer would be read as the next request's.
 */
final class StrayAnswers {
    /** Answers on a reused connection up to this size are read whole before they are trusted. */
    private static final long WHOLE_BEFORE_TRUSTED = 1024 * 1024;

    private final CountingSocketFactory sockets;

    StrayAnswers(CountingSocketFactory sockets) {
        this.sockets = sockets;
    }

    /** Whether {@code server} once sent bytes no request asked for, so each of its answers ends its connection. */
    boolean oneAnswerPerConnection(SocketAddress server) {
        return sockets.sentStrayBytes(server);
    }

    /**
     * A pooled connection is not used again when its server has sent bytes no request asked for, on it (they wait
     * there now) or on another connection: a stray answer would be read as this request's. Nothing is sent on it,
     * and {@link StaleConnectionRetry} sends the request on a new connection, at no cost of an attempt.
     */
    void refuseUnsafeReuse(Connection connection, SocketAddress server) throws IOException {
        CountingSocketFactory.CountingSocket under = sockets.under(connection.socket());
        boolean waiting;
        try {
            waiting = under != null && under.readableWhileIdle(connection.handshake() == null);
        } catch (IOException closedMeanwhile) {
            // Its last answer ended it a moment ago, on another thread: nothing was sent on it.
            throw new StaleConnectionException(closedMeanwhile);
        }
        if (waiting || sockets.sentStrayBytes(server)) {
            ConnectionRules.closeQuietly(connection.socket());
            throw new StaleConnectionException(new BadAnswerException(
                    waiting
                            ? "the server sent bytes no request asked for"
                            : "the server sends answers no request asked for"));
        }
    }

    /**
     * Has the socket judge whether the server sends more than this answer: where the answer ends is known from
     * its head (a length, or no body) or found as its chunks arrive. What came with the head is judged now, what
     * comes later by the socket as it reads.
     */
    static void watchAnswerEnd(
            CountingSocketFactory.CountingSocket counting,
            Response response,
            List<String> lengths,
            long bodyStart,
            byte[] head,
            long headLength) {
        boolean chunked = response.header("Transfer-Encoding") != null;
        if (!promisesBody(response)) {
            counting.answerEndsAt(bodyStart);
        } else if (chunked && head.length < ConnectionRules.MEASURED_HEAD) {
            // Everything read so far is in the copy, the start of the body included.
            counting.answerChunked(bodyStart, Arrays.copyOfRange(head, (int) headLength, head.length));
        } else if (!chunked && !lengths.isEmpty()) {
            // A server that sends more than its answer (a Content-Length too short, a stray CRLF) leaves bytes
            // that would be read as the start of the next answer on this connection: close it once the body is
            // in, as curl and wget do (they too keep the body its Content-Length names).
            counting.answerEndsAt(bodyStart + Long.parseLong(lengths.get(0)));
        }
    }

    /**
     * Whether OkHttp reads a body for this answer: never for a HEAD; for a 1xx, 204 or 304 only when its head
     * frames one anyway.
     */
    private static boolean promisesBody(Response response) {
        int code = response.code();
        if ("HEAD".equals(response.request().method())) {
            return false;
        }
        return !((code >= 100 && code < 200) || code == 204 || code == 304)
                || response.header("Content-Length") != null
                || response.header("Transfer-Encoding") != null;
    }

    /**
     * An answer on a reused connection is not trusted when the server sent more than it: it may be a stray answer to
     * no request, and the bytes after it this request's answer. What has arrived of it is read at once, before
     * anyone sees it; if more than the answer came, the request is sent again on a new connection. A body still on
     * its way is judged at its end instead (its status is known, and a slow body times out where it is read): then
     * it is an error, never a file. An answer on a new connection is the first there, so it is this request's.
     */
    static Response wholeBeforeTrusted(Response response, CountingSocketFactory.CountingSocket counting)
            throws IOException {
        if (counting == null) {
            return response; // TLS: its records frame what the socket sees, so only idle bytes are judged
        }
        ResponseBody body = response.body();
        BufferedSource source = body.source();
        Buffer arrived = new Buffer();
        IOException failed = null;
        try {
            while (arrived.size() <= WHOLE_BEFORE_TRUSTED
                    && counting.answerArrived()
                    && source.read(arrived, 8192) != -1) {
                // reading what is already here
            }
        } catch (IOException e) {
            failed = e; // a broken body: its reader will meet the same failure at the same byte
        }
        if (counting.overran()) {
            response.close();
            throw new StaleConnectionException(
                    new BadAnswerException("the server sent more than one answer to one request"));
        }
        IOException failure = failed;
        BufferedSource checked = Okio.buffer(new ForwardingSource(source) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                if (arrived.size() > 0) {
                    return arrived.read(sink, byteCount);
                }
                if (failure != null) {
                    throw failure;
                }
                long n = super.read(sink, byteCount);
                if (n == -1 && counting.overran()) {
                    throw new BadAnswerException("the server sent more than one answer to one request");
                }
                return n;
            }
        });
        return response.newBuilder()
                .body(ResponseBody.create(checked, body.contentType(), body.contentLength()))
                .build();
    }
}
