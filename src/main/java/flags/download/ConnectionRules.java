package flags.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import okhttp3.Connection;
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
 * a valid answer head are a malformed answer.
 */
final class ConnectionRules implements Interceptor {
    /** Heads longer than this are not measured; no server sends such a head with a flag. */
    private static final int MEASURED_HEAD = 64 * 1024;
    /**
     * Encrypted bytes that can come before a stale connection's end: a TLS alert record (close_notify) is at
     * most this long, and no answer head fits in it.
     */
    private static final long TLS_ALERT_BYTES = 64;

    private final CountingSocketFactory sockets;

    private static final Pattern LENGTH = Pattern.compile("\\d{1,18}");
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
                throw new BadAnswerException(malformed(e, answered), e);
            }
            throw e;
        } finally {
            if (counting != null) {
                head = counting.stopCapture();
            }
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
        List<String> lengths = contentLengths(response);
        boolean http1 = response.protocol() == Protocol.HTTP_1_0 || response.protocol() == Protocol.HTTP_1_1;
        if (!sameNumber(lengths)) {
            if (http1) {
                closeQuietly(connection.socket()); // first, so closing does not wait to discard a body; never HTTP/2's
            }
            response.close();
            throw new BadAnswerException("conflicting Content-Length: " + Quote.of(String.join(", ", lengths)));
        }
        boolean chunked = response.header("Transfer-Encoding") != null;
        if (!http1) {
            return response; // HTTP/2 frames its answers: none of what follows is about it
        }
        if (!chunked && lengths.size() > 1 && response.body().contentLength() < 0) {
            // "Content-Length: 42, 42" is one length repeated, as HTTP allows, but OkHttp cannot parse the list and
            // would read until the server closes: read the 42 bytes, then close.
            return closingAfterBody(withLength(response, Long.parseLong(lengths.get(0))), connection);
        }
        boolean keepAlive =
                "keep-alive".equalsIgnoreCase(response.header("Connection", "").strip());
        boolean endsConnection =
                (response.protocol() == Protocol.HTTP_1_0 && !keepAlive) || (chunked && !lengths.isEmpty());
        if (endsConnection) {
            return closingAfterBody(response, connection);
        }
        long headLength = headLength(head);
        long bodyLength = response.body().contentLength();
        if (counting != null && !chunked && headLength >= 0 && bodyLength >= 0) {
            // A server that sends more than its answer (a Content-Length too short, a stray CRLF) leaves bytes that
            // would be read as the start of the next answer on this connection: close it once the body is in, as
            // curl and wget do (they too keep the body its Content-Length names). What came with the head is
            // judged now, what comes later by the socket as it reads.
            counting.answerEndsAt(before + headLength + bodyLength);
        }
        return response;
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

    private static String malformed(IOException e, long answered) {
        String detail = e instanceof ProtocolException && e.getMessage() != null
                ? Failures.lowerFirst(Quote.escape(e.getMessage(), Quote.MAX_SHOWN))
                : "the connection " + Failures.cutShort(e).replace("connection ", "") + " after " + answered + " byte"
                        + (answered == 1 ? "" : "s") + ", before a complete status line and headers";
        return "malformed answer: " + detail;
    }

    /**
     * Whether all the values are one and the same number. A loop, not a stream with a lambda: every request runs
     * this, and a lambda's call site is linked by each of the hundred threads of a first wave that reach it
     * before it is linked.
     */
    static boolean sameNumber(List<String> lengths) {
        for (String value : lengths) {
            if (!value.equals(lengths.get(0)) || !LENGTH.matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Every value of every {@code Content-Length} field, a comma-separated list being several values. */
    private static List<String> contentLengths(Response response) {
        List<String> values = new ArrayList<>();
        for (String field : response.headers("Content-Length")) {
            for (String value : field.split(",", -1)) {
                values.add(value.strip());
            }
        }
        return values;
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
