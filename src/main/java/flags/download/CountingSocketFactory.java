package flags.download;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * Plain sockets that count the bytes read from them, so that {@link ConnectionRules} can tell a request that got
 * no answer at all (a connection the server had already closed) from one that got a broken answer. A TLS socket
 * is layered on one of these; it is found again by its ports, since the TLS socket does not expose it.
 */
final class CountingSocketFactory extends SocketFactory {
    private final java.util.Map<String, CountingSocket> byPorts = new java.util.concurrent.ConcurrentHashMap<>();

    /** A socket counting what is read from it; OkHttp reads through {@link #getInputStream()}. */
    final class CountingSocket extends Socket {
        private final AtomicLong read = new AtomicLong();
        private InputStream in;
        private String ports;

        @Override
        public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
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

        long bytesRead() {
            return read.get();
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
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = super.read(buffer, offset, length);
                        if (n > 0) {
                            read.addAndGet(n);
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
