package flags.http;

import flags.text.Failures;
import flags.text.Quote;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * What an answer says about its connection, applied where OkHttp does not (a network interceptor, next to the
 * wire). A connection is never pooled after an answer that ends it: HTTP/1.0 without keep-alive (Python's
 * {@code http.server}), or a body with both {@code Transfer-Encoding} and {@code Content-Length}; OkHttp already
 * closes after {@code Connection: close} and a body delimited by close. Conflicting {@code Content-Length}
 * values are an error and close the connection, as HTTP/1.1 requires; one value repeated is that length. A failure on a
 * reused connection before any byte of the answer is reported as stale so it can be sent again; bytes that are not
 * a valid answer head are a malformed answer. Bytes after an answer, of any framing, close its connection; on a
 * reused connection they make the answer untrusted, and from then on the server gets one request per connection.
 */
final class ConnectionRules implements Interceptor {
    /** Heads longer than this are not measured; no server sends such a head with a flag. */
    private static final int MEASURED_HEAD = 64 * 1024;
    /**
     * Encrypted bytes that can come before a stale connection's end: a TLS alert record (close_notify) is at
     * most this long, and no answer head fits in it.
     */
    private static final long TLS_ALERT_BYTES = 64;
    /** Answers on a reused connection up to this size are read whole before they are trusted. */
    private static final long WHOLE_BEFORE_TRUSTED = 1024 * 1024;

    private final CountingSocketFactory sockets;

    private final Set<Connection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Set<Connection> ended = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    ConnectionRules(CountingSocketFactory sockets) {
        this.sockets = sockets;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (ended.contains(connection)) {
            // Released between its last byte and our closing it: never send on it.
            closeQuietly(connection.socket());
            throw new StaleConnectionException(new IOException("connection ended by its last answer"));
        }
        boolean reused = !used.add(connection);
        SocketAddress server = connection.route().socketAddress();
        boolean http1Connection = connection.protocol() != Protocol.HTTP_2;
        if (reused && http1Connection) {
            refuseUnsafeReuse(connection, server);
        }
        long before = sockets.bytesRead(connection.socket());
        CountingSocketFactory.CountingSocket counting =
                connection.socket() instanceof CountingSocketFactory.CountingSocket c ? c : null;
        if (counting != null) {
            counting.startCapture(MEASURED_HEAD);
        }
        Response response;
        byte[] head = null;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (chain.call().isCanceled() || e instanceof InterruptedIOException) {
                throw e;
            }
            long after = sockets.bytesRead(connection.socket());
            long answered = before < 0 ? -1 : after - before;
            long nothing = connection.handshake() != null ? TLS_ALERT_BYTES : 0;
            // Unknown (-1, a SOCKS socket): not stale, since the request may have had answer bytes.
            if (reused && answered >= 0 && answered <= nothing && !(answered > 0 && e instanceof ProtocolException)) {
                throw new StaleConnectionException(e);
            }
            if (answered > nothing || e instanceof ProtocolException) {
                byte[] got = counting == null ? new byte[0] : counting.stopCapture();
                throw new BadAnswerException(malformed(e, answered, got), e);
            }
            throw e;
        } finally {
            if (counting != null) {
                head = counting.stopCapture();
            }
        }
        Headers unfolded = unfolded(response.headers());
        if (unfolded != response.headers()) {
            if (!unfolded.values("Transfer-Encoding").equals(response.headers("Transfer-Encoding"))) {
                closeQuietly(connection.socket());
                response.close();
                throw new BadAnswerException("unsupported Transfer-Encoding: a folded one");
            }
            response = response.newBuilder().headers(unfolded).build();
        }
        AttemptLog log = chain.request().tag(AttemptLog.class);
        String retryAfter = response.header("Retry-After");
        if (log != null) {
            log.retryAfter(retryAfter);
        }
        if (response.code() == 503 && retryAfter != null) {
            // OkHttp repeats a 503 with Retry-After: 0 by itself, unseen; the retry policy decides instead.
            response = response.newBuilder().removeHeader("Retry-After").build();
        }
        if (response.code() == 407 && connection.route().proxy().type() != Proxy.Type.HTTP) {
            // OkHttp calls this a protocol error, but it is a well-formed answer: the server wants a proxy's login.
            response.close();
            throw new StatusException(407, response.message());
        }
        List<String> lengths = HeadRules.contentLengths(response.headers("Content-Length"));
        boolean http1 = response.protocol() == Protocol.HTTP_1_0 || response.protocol() == Protocol.HTTP_1_1;
        String framing = HeadRules.badFraming(lengths, response.headers("Transfer-Encoding"));
        if (framing != null) {
            if (http1) {
                closeQuietly(connection.socket()); // first, so closing does not wait to discard a body; never HTTP/2's
            }
            response.close();
            throw new BadAnswerException(framing);
        }
        boolean chunked = response.header("Transfer-Encoding") != null;
        if (!http1) {
            return response; // HTTP/2 frames its answers: none of what follows is about it
        }
        boolean keepAlive =
                "keep-alive".equalsIgnoreCase(response.header("Connection", "").strip());
        boolean endsConnection = (response.protocol() == Protocol.HTTP_1_0 && !keepAlive)
                || (chunked && !lengths.isEmpty())
                // A server that once answered what nobody asked may do it again: one answer per connection now.
                || sockets.sentStrayBytes(server);
        if (!chunked && !lengths.isEmpty() && response.body().contentLength() < 0) {
            // "Content-Length: 42, 42" is one length repeated, as HTTP allows, and a folded one is a length too, but
            // OkHttp cannot parse either and would read until the server closes: read the 42 bytes, then close.
            response = withLength(response, Long.parseLong(lengths.get(0)));
            endsConnection = true;
        }
        long headLength = headLength(head);
        if (counting != null && headLength >= 0) {
            watchAnswerEnd(counting, response, lengths, before + headLength, head, headLength);
        }
        if (endsConnection) {
            response = closingAfterBody(response, connection);
        }
        return reused ? wholeBeforeTrusted(response, counting) : response;
    }

    /**
     * A pooled connection is not used again when its server has sent bytes no request asked for, on it (they wait
     * there now) or on another connection: a stray answer would be read as this request's. Nothing is sent on it,
     * and {@link StaleConnectionRetry} sends the request on a new connection, at no cost of an attempt.
     */
    private void refuseUnsafeReuse(Connection connection, SocketAddress server) throws IOException {
        CountingSocketFactory.CountingSocket under = sockets.under(connection.socket());
        boolean waiting;
        try {
            waiting = under != null && under.readableWhileIdle(connection.handshake() == null);
        } catch (IOException closedMeanwhile) {
            // Its last answer ended it a moment ago, on another thread: nothing was sent on it.
            throw new StaleConnectionException(closedMeanwhile);
        }
        if (waiting || sockets.sentStrayBytes(server)) {
            closeQuietly(connection.socket());
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
    private static void watchAnswerEnd(
            CountingSocketFactory.CountingSocket counting,
            Response response,
            List<String> lengths,
            long bodyStart,
            byte[] head,
            long headLength) {
        boolean chunked = response.header("Transfer-Encoding") != null;
        if (!promisesBody(response)) {
            counting.answerEndsAt(bodyStart);
        } else if (chunked && head.length < MEASURED_HEAD) {
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
    private static Response wholeBeforeTrusted(Response response, CountingSocketFactory.CountingSocket counting)
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

    /**
     * The length of the final answer head at the start of {@code bytes} (1xx interim heads before it included), as
     * OkHttp reads it: lines end with LF or CRLF, an empty line ends a head. -1 when it cannot be told.
     */
    static long headLength(byte[] bytes) {
        if (bytes == null) {
            return -1;
        }
        int lineStart = 0;
        int headStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            int lineLength = i - lineStart - (i > lineStart && bytes[i - 1] == '\r' ? 1 : 0);
            if (lineLength == 0 && lineStart > headStart) {
                if (!interim(bytes, headStart)) {
                    return i + 1;
                }
                headStart = i + 1;
            }
            lineStart = i + 1;
        }
        return -1;
    }

    /** Whether the head at {@code start} is a 1xx other than 101, which OkHttp skips to read the real answer. */
    private static boolean interim(byte[] bytes, int start) {
        int code = start + "HTTP/1.1 ".length();
        return bytes.length > code + 2 && bytes[code] == '1' && !(bytes[code + 1] == '0' && bytes[code + 2] == '1');
    }

    /** The answer with a body of exactly {@code length} bytes; fewer before the end is a body cut short. */
    private static Response withLength(Response response, long length) {
        ResponseBody body = response.body();
        BufferedSource limited = Okio.buffer(new ForwardingSource(body.source()) {
            private long remaining = length;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                long n = super.read(sink, Math.min(byteCount, remaining));
                if (n == -1) {
                    throw new ProtocolException("unexpected end of stream");
                }
                remaining -= n;
                return n;
            }
        });
        return response.newBuilder()
                .header("Content-Length", Long.toString(length))
                .body(ResponseBody.create(limited, body.contentType(), length))
                .build();
    }

    private static String malformed(IOException e, long answered, byte[] got) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Unexpected status line") && !startsWith(got, "HTTP/")) {
            // OkHttp shows the line decoded as UTF-8; the bytes are shown as they came.
            return HeadRules.noStatusLine(got);
        }
        if (answered >= HeadRules.MAX_HEAD) {
            // OkHttp stops reading a head at its limit, and says only that the stream or a line ended.
            return HeadRules.headTooLarge();
        }
        String detail = e instanceof ProtocolException && e.getMessage() != null
                ? Failures.lowerFirst(Quote.escape(e.getMessage(), Quote.MAX_SHOWN))
                : "the connection " + Failures.cutShort(e).replace("connection ", "") + " after " + answered + " byte"
                        + (answered == 1 ? "" : "s") + ", before a complete status line and headers";
        return "malformed answer: " + detail;
    }

    /**
     * The fields with folded lines (obs-fold: a line that starts with a space continues the field before it)
     * joined by a space, as HTTP requires of a client before it reads a field; OkHttp reads each such line as a
     * field with no name. The same object when nothing was folded.
     */
    static Headers unfolded(Headers headers) {
        boolean folded = false;
        for (int i = 0; i < headers.size(); i++) {
            folded |= headers.name(i).isEmpty();
        }
        if (!folded) {
            return headers;
        }
        Headers.Builder joined = new Headers.Builder();
        String name = null;
        String value = null;
        try {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.name(i).isEmpty() && name != null) {
                    value = value.isEmpty() ? headers.value(i) : value + " " + headers.value(i);
                    continue;
                }
                if (name != null) {
                    joined.addUnsafeNonAscii(name, value);
                }
                name = headers.name(i);
                value = headers.value(i);
            }
            joined.addUnsafeNonAscii(name, value);
        } catch (IllegalArgumentException unusable) {
            return headers; // a control character in a value: the checks that follow refuse it as it is
        }
        return joined.build();
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        return bytes.length >= prefix.length()
                && new String(bytes, 0, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    /** The same answer, closing its socket as soon as the body is complete, before OkHttp can pool it. */
    private Response closingAfterBody(Response response, Connection connection) {
        ResponseBody body = response.body();
        long length = body.contentLength();
        BufferedSource closing = Okio.buffer(new ForwardingSource(body.source()) {
            private long remaining = length;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n == -1 || (remaining >= 0 && (remaining -= n) == 0)) {
                    end(connection);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                end(connection);
                super.close();
            }
        });
        return response.newBuilder()
                .body(ResponseBody.create(closing, body.contentType(), length))
                .build();
    }

    private void end(Connection connection) {
        ended.add(connection);
        closeQuietly(connection.socket());
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
