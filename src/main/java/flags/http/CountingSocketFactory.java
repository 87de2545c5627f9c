package flags.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * Plain sockets that count the bytes read from them, so that {@link ConnectionRules} can tell a request that got
 * no answer at all (a connection the server had already closed) from one that got a broken answer, and an answer
 * whose server sent more than the answer's framing says (a copy of its head tells how long the head was). A TLS
 * socket is layered on one of these; it is found again by its ports, since the TLS socket does not expose it.
 * The factory remembers, for the rest of the run, every server that sent bytes no request asked for.
 */
final class CountingSocketFactory extends SocketFactory {
    private final Map<String, CountingSocket> byPorts = new ConcurrentHashMap<>();
    private final Set<SocketAddress> strayed = ConcurrentHashMap.newKeySet();

    /** A socket counting what is read from it; OkHttp reads through {@link #getInputStream()}. */
    final class CountingSocket extends Socket {
        private final AtomicLong read = new AtomicLong();
        private InputStream in;
        private String ports;
        private volatile ByteArrayOutputStream capture;
        private int captureLimit;
        private volatile long answerEndsAt = -1;
        private ChunkedEnd chunks;
        private long chunksFrom;
        private volatile boolean overran;

        long bytesRead() {
            return read.get();
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            ports = key(this);
            byPorts.put(ports, this);
        }

        @Override
        public synchronized void close() throws IOException {
            if (ports != null) {
                byPorts.remove(ports, this);
            }
            super.close();
        }

        /**
         * Ordered with {@link #close()}, as the JDK did before 21: OkHttp sets this first when it takes a pooled
         * connection, and one we close meanwhile must say "Socket is closed" (nothing sent), which
         * {@link StaleConnectionRetry} sends again; unordered, a close between the JDK's check and the option being
         * set says "Socket closed", which could be any failure.
         */
        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            super.setSoTimeout(timeout);
        }

        /**
         * Keeps a copy of the next {@code limit} bytes read, so that an answer's head can be measured; a new
         * exchange begins, so the end of the last answer no longer matters.
         */
        void startCapture(int limit) {
            answerEndsAt = -1;
            chunks = null;
            captureLimit = limit;
            capture = new ByteArrayOutputStream();
        }

        /**
         * The answer being read ends when {@code total} bytes have been read from this socket: a read that goes past
         * it, or ends there with more bytes waiting, closes the socket. That read still returns what it got, so the
         * body is complete; OkHttp, which would read the extra bytes as the next answer, then finds the connection
         * closed and never reuses it. This runs in the read itself, before OkHttp can pool the connection.
         */
        void answerEndsAt(long total) {
            answerEndsAt = total;
            checkOverrun(); // what came with the head
        }

        /**
         * The answer being read has a chunked body starting when {@code bodyStart} bytes have been read from this
         * socket; {@code alreadyRead} holds the bytes read from {@code bodyStart} on. Once its end is found, it is
         * judged as {@link #answerEndsAt} judges a known length.
         */
        void answerChunked(long bodyStart, byte[] alreadyRead) {
            chunks = new ChunkedEnd();
            chunksFrom = bodyStart;
            chunkBytes(alreadyRead, 0, alreadyRead.length);
        }

        private void chunkBytes(byte[] buffer, int offset, int length) {
            ChunkedEnd c = chunks;
            if (c == null) {
                return;
            }
            int used = c.feed(buffer, offset, length);
            if (used >= 0) {
                chunks = null;
                answerEndsAt(chunksFrom + used);
            } else {
                chunksFrom += length;
            }
        }

        private void checkOverrun() {
            long end = answerEndsAt;
            if (end < 0) {
                return;
            }
            long total = read.get();
            try {
                if (total > end || (total == end && in.available() > 0)) {
                    answerEndsAt = -1;
                    overran = true;
                    strayed.add(getRemoteSocketAddress());
                    close();
                }
            } catch (IOException alreadyClosed) {
                // then nobody can use it
            }
        }

        /**
         * Whether reading the answer now would not wait: it has been read from this socket whole, or more of it
         * is waiting here.
         */
        boolean answerArrived() throws IOException {
            long end = answerEndsAt;
            return overran
                    || (end >= 0 && read.get() >= end)
                    || (!isClosed() && getInputStream().available() > 0);
        }

        /** Whether the server sent more than an answer on this socket, which is closed since. */
        boolean overran() {
            return overran;
        }

        /**
         * Whether bytes are waiting on this idle connection: on a plain one, an answer to no request, never to be
         * read as the next one's, and its server is remembered as one that sends them; under TLS, perhaps only
         * the server's closing alert.
         */
        boolean readableWhileIdle(boolean plain) throws IOException {
            if (getInputStream().available() == 0) {
                return false;
            }
            if (plain) {
                strayed.add(getRemoteSocketAddress());
            }
            return true;
        }

        /** The bytes read since {@link #startCapture}, at most its limit; capturing stops. */
        byte[] stopCapture() {
            ByteArrayOutputStream captured = capture;
            capture = null;
            return captured == null ? new byte[0] : captured.toByteArray();
        }

        private void captured(byte[] buffer, int offset, int length) {
            ByteArrayOutputStream c = capture;
            if (c != null && c.size() < captureLimit) {
                c.write(buffer, offset, Math.min(length, captureLimit - c.size()));
            }
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        if (b >= 0) {
                            read.incrementAndGet();
                            byte[] one = {(byte) b};
                            captured(one, 0, 1);
                            chunkBytes(one, 0, 1);
                            checkOverrun();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        if (n > 0) {
                            read.addAndGet(n);
                            captured(buffer, offset, n);
                            chunkBytes(buffer, offset, n);
                            checkOverrun();
                        }
                        return n;
                    }
                };
            }
            return in;
        }
    }

    /**
     * Bytes read so far from the socket of a connection (for TLS, the encrypted bytes under it), or -1 when it is
     * not one of ours (SOCKS: the JDK makes those sockets).
     */
    long bytesRead(Socket socket) {
        if (socket instanceof CountingSocket counting) {
            return counting.bytesRead();
        }
        CountingSocket under = byPorts.get(key(socket));
        return under == null ? -1 : under.bytesRead();
    }

    /**
     * The plain socket of a connection, or under its TLS socket; null when it is not one of ours (SOCKS: the JDK
     * makes those sockets).
     */
    CountingSocket under(Socket socket) {
        return socket instanceof CountingSocket counting ? counting : byPorts.get(key(socket));
    }

    /** Whether the server at {@code address} has sent bytes that no request asked for, during this run. */
    boolean sentStrayBytes(SocketAddress address) {
        return strayed.contains(address);
    }

    private static String key(Socket socket) {
        return socket.getLocalPort() + ">" + socket.getPort();
    }

    @Override
    public Socket createSocket() {
        return new CountingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, port);
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new CountingSocket();
        socket.connect(address);
        return socket;
    }
}
