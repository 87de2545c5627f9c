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
 * values are an error and close the connection (RFC 9112 §6.3). A failure on a reused connection before any byte of
 * the answer is reported as stale so it can be sent again; bytes that are not a valid answer head are a malformed
 * answer.
 */
final class ConnectionRules implements Interceptor {
    private static final Pattern LENGTH = Pattern.compile("\\d{1,18}");
    private final Set<Connection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Set<Connection> ended = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (ended.contains(connection)) {
            // Released between its last byte and our closing it: never send on it.
            closeQuietly(connection.socket());
            throw new StaleConnectionException(new IOException("connection ended by its last answer"));
        }
        boolean reused = !used.add(connection);
        long before = CountingSocketFactory.bytesRead(connection.socket());
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (chain.call().isCanceled() || e instanceof InterruptedIOException) {
                throw e;
            }
            long after = CountingSocketFactory.bytesRead(connection.socket());
            long answered = before < 0 ? -1 : after - before;
            if (reused && answered <= 0 && !(answered < 0 && e instanceof ProtocolException)) {
                throw new StaleConnectionException(e);
            }
            if (answered > 0 || e instanceof ProtocolException) {
                throw new BadAnswerException(malformed(e, answered), e);
            }
            throw e;
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
        if (!sameNumber(lengths)) {
            closeQuietly(connection.socket()); // first, so closing the response does not wait to discard a body
            response.close();
            throw new BadAnswerException("conflicting Content-Length: " + Quote.of(String.join(", ", lengths)));
        }
        boolean keepAlive = "keep-alive".equalsIgnoreCase(response.header("Connection", "").strip());
        boolean endsConnection = (response.protocol() == Protocol.HTTP_1_0 && !keepAlive)
                || (response.header("Transfer-Encoding") != null && !lengths.isEmpty());
        return endsConnection ? closingAfterBody(response, connection) : response;
    }

    private static String malformed(IOException e, long answered) {
        String detail = e instanceof ProtocolException && e.getMessage() != null
                ? Failures.lowerFirst(Quote.escape(e.getMessage(), Quote.MAX_SHOWN))
                : "the connection " + Failures.cutShort(e).replace("connection ", "") + " after " + answered
                        + " byte" + (answered == 1 ? "" : "s") + ", before a complete status line and headers";
        return "malformed answer: " + detail;
    }

    /**
     * Whether all the values are one and the same number. A loop, not a stream with a lambda: every request runs
     * this, and a lambda's call site is linked by each of the hundred threads of a first wave that reach it
     * before it is linked.
     */
    private static boolean sameNumber(List<String> lengths) {
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
        return response.newBuilder().body(ResponseBody.create(closing, body.contentType(), length)).build();
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
