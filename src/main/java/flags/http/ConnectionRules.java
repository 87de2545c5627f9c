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
 * a valid answer head are a malformed answer. Bytes after an answer, of any framing, are {@link StrayAnswers}.
 */
final class ConnectionRules implements Interceptor {
    /** Heads longer than this are not measured; no server sends such a head with a flag. */
    static final int MEASURED_HEAD = 64 * 1024;
    /**
     * Encrypted bytes that can come before a stale connection's end: a TLS alert record (close_notify) is at
     * most this long, and no answer head fits in it.
     */
    private static final long TLS_ALERT_BYTES = 64;

    private final CountingSocketFactory sockets;
    private final StrayAnswers strays;

    private final Set<Connection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Set<Connection> ended = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    ConnectionRules(CountingSocketFactory sockets) {
        this.sockets = sockets;
        this.strays = new StrayAnswers(sockets);
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
            strays.refuseUnsafeReuse(connection, server);
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
                || strays.oneAnswerPerConnection(server);
        if (!chunked && !lengths.isEmpty() && response.body().contentLength() < 0) {
            // "Content-Length: 42, 42" is one length repeated, as HTTP allows, and a folded one is a length too, but
            // OkHttp cannot parse either and would read until the server closes: read the 42 bytes, then close.
            response = withLength(response, Long.parseLong(lengths.get(0)));
            endsConnection = true;
        }
        long headLength = headLength(head);
        if (counting != null && headLength >= 0) {
            StrayAnswers.watchAnswerEnd(counting, response, lengths, before + headLength, head, headLength);
        }
        if (endsConnection) {
            response = closingAfterBody(response, connection);
        }
        return reused ? StrayAnswers.wholeBeforeTrusted(response, counting) : response;
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

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
