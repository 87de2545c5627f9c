package flags.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * A loopback HTTP/1.x server that writes exactly the bytes a test gives it, so a test can be the sloppy server
 * that MockWebServer and Jetty refuse to be: HTTP/1.0, conflicting {@code Content-Length}, garbage instead of a
 * status line, a body cut short, a connection dropped right after an answer or after a short idle time. It
 * records each request with the connection it came on, so a test can tell whether a connection was reused.
 */
public final class RawServer implements AutoCloseable {
    /** What to do with the connection once a reply's bytes are written. */
    public enum After {
        /** Wait for the next request (until the idle timeout). */
        KEEP_OPEN,
        /** Close the connection. */
        CLOSE
    }

    /**
     * The bytes of one answer, exactly as sent, and what happens to the connection then; {@code whenIdle}, if not
     * null, is sent on the connection once it has stayed idle {@link #STRAY_IDLE} after the answer (no request
     * byte came): an answer to no request, as a broken server or proxy sends.
     */
    public record Reply(byte[] bytes, After after, byte[] whenIdle) {
        public Reply(byte[] bytes, After after) {
            this(bytes, after, null);
        }

        /** The same answer, then {@code stray} once the connection idles. */
        public Reply thenWhenIdle(byte[] stray) {
            return new Reply(bytes, after, stray);
        }

        public static Reply keepOpen(byte[] bytes) {
            return new Reply(bytes, After.KEEP_OPEN);
        }

        public static Reply close(byte[] bytes) {
            return new Reply(bytes, After.CLOSE);
        }
    }

    /**
     * One request as the server read it: the {@code connection} it came on (1, 2, ...), its place on that
     * connection ({@code nth}, from 1), and its header fields (names in lower case).
     */
    public record Request(int connection, int nth, String method, String target, Map<String, String> headers) {
        public String path() {
            int query = target.indexOf('?');
            String path = query < 0 ? target : target.substring(0, query);
            if (path.startsWith("http://")) { // absolute form, as sent to a proxy
                int slash = path.indexOf('/', "http://".length());
                path = slash < 0 ? "/" : path.substring(slash);
            }
            return path;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Answers a request; null closes the connection without a byte (a server that drops it). */
    @FunctionalInterface
    public interface Handler {
        Reply answer(Request request) throws IOException;
    }

    /** How long a connection idles before a reply's {@code whenIdle} bytes are sent on it. */
    public static final Duration STRAY_IDLE = Duration.ofMillis(150);

    private static final int MAX_HEAD = 64 * 1024;
    private static final Duration HEAD_LIMIT = Duration.ofSeconds(10);

    private final ServerSocket listener;
    private final Handler handler;
    private final Duration idleTimeout;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger straysSent = new AtomicInteger();

    private RawServer(ServerSocket listener, Handler handler, Duration idleTimeout) {
        this.listener = listener;
        this.handler = handler;
        this.idleTimeout = idleTimeout;
    }

    /** A server keeping idle connections for up to {@code idleTimeout} (zero: closed as soon as an answer is sent). */
    public static RawServer start(Duration idleTimeout, Handler handler) throws IOException {
        ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        RawServer server = new RawServer(listener, handler, idleTimeout);
        server.threads.execute(server::accept);
        return server;
    }

    /** A server keeping idle connections open for ten seconds, longer than any test. */
    public static RawServer start(Handler handler) throws IOException {
        return start(Duration.ofSeconds(10), handler);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT/path}. */
    public HttpUrl url(String path) {
        return HttpUrl.get("http://127.0.0.1:" + port() + path);
    }

    /** Every request read so far, in arrival order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests for {@code path}. */
    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many {@code whenIdle} strays were sent, each on a connection that idled. */
    public int straysSent() {
        return straysSent.get();
    }

    /** How many connections were accepted. */
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(RawServer::closeQuietly);
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IOException("raw server threads did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int id = connections.incrementAndGet();
                open.add(socket);
                threads.execute(() -> serve(socket, id));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            PushbackInputStream in = new PushbackInputStream(socket.getInputStream(), 1);
            OutputStream out = socket.getOutputStream();
            byte[] stray = null;
            for (int nth = 1; ; nth++) {
                if (stray != null && idles(socket, in, STRAY_IDLE)) {
                    out.write(stray);
                    out.flush();
                    straysSent.incrementAndGet();
                }
                String head = readHead(socket, in, nth == 1 ? HEAD_LIMIT : idleTimeout);
                if (head == null) {
                    return;
                }
                Request request = parse(connection, nth, head);
                synchronized (requests) {
                    requests.add(request);
                }
                Reply reply = handler.answer(request);
                if (reply == null) {
                    return;
                }
                out.write(reply.bytes());
                out.flush();
                stray = reply.whenIdle();
                if (reply.after() == After.CLOSE || "close".equalsIgnoreCase(request.header("Connection"))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or the server is closing: nothing to answer
        } finally {
            open.remove(socket);
        }
    }

    /** Whether no byte arrives on the connection for {@code idle}; a byte that does is left to be read. */
    private static boolean idles(Socket socket, PushbackInputStream in, Duration idle) throws IOException {
        socket.setSoTimeout((int) idle.toMillis());
        try {
            int first = in.read();
            if (first >= 0) {
                in.unread(first);
            }
            return false;
        } catch (SocketTimeoutException idleLongEnough) {
            return true;
        }
    }

    /** A request head, or null when the connection closed or stayed idle past {@code idle} before its first byte. */
    private static String readHead(Socket socket, InputStream in, Duration idle) throws IOException {
        if (idle.isZero()) {
            return null; // the server keeps no connection open after an answer
        }
        socket.setSoTimeout((int) Math.max(1, idle.toMillis()));
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException idleTooLong) {
            return null;
        }
        if (first < 0) {
            return null;
        }
        socket.setSoTimeout((int) HEAD_LIMIT.toMillis());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static Request parse(int connection, int nth, String head) {
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Request(connection, nth, requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    // ---- building answers ----

    /** An answer head: {@code statusLine} and header lines, then the empty line; bytes follow with {@link #concat}. */
    public static byte[] head(String statusLine, String... headerLines) {
        StringBuilder s = new StringBuilder(statusLine).append("\r\n");
        for (String line : headerLines) {
            s.append(line).append("\r\n");
        }
        return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A well-formed HTTP/1.1 200 with {@code Content-Length}, the connection kept open. */
    public static Reply ok(String contentType, byte[] body) {
        return Reply.keepOpen(concat(
                head("HTTP/1.1 200 OK", "Content-Type: " + contentType, "Content-Length: " + body.length), body));
    }

    /** A well-formed HTTP/1.1 404 with a short body, the connection kept open. */
    public static Reply notFound() {
        byte[] body = "not here".getBytes(StandardCharsets.US_ASCII);
        return Reply.keepOpen(concat(
                head("HTTP/1.1 404 Not Found", "Content-Type: text/plain", "Content-Length: " + body.length), body));
    }

    /**
     * Serves the files under {@code root} as a plain HTTP/1.1 keep-alive server does ({@code .gif} as
     * {@code image/gif}, {@code .json} as {@code application/json}), 404 for anything else.
     */
    public static Handler files(Path root) {
        return request -> {
            Path file = root.resolve(request.path().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return notFound();
            }
            String type = file.toString().endsWith(".json") ? "application/json" : "image/gif";
            return ok(type, Files.readAllBytes(file));
        };
    }

    /** {@code body} in chunked transfer coding, in chunks of {@code size}, with the last empty chunk. */
    public static byte[] chunked(byte[] body, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += size) {
            int n = Math.min(size, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
