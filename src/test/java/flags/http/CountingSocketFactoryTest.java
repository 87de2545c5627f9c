package flags.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pooled socket closed here (its connection's last answer ended it, or an eviction) while another thread is taking
 * it for a request: OkHttp's first use of it, setting its read timeout, must say "Socket is closed", the words
 * {@link StaleConnectionRetry} knows mean nothing was sent. Since JDK 21 {@link Socket} no longer orders the two,
 * and a close landing between its check and the option being set said "Socket closed" instead.
 */
@Timeout(60)
class CountingSocketFactoryTest {
    private static final int ROUNDS = 300;

    @Test
    void aTimeoutSetWhileTheSocketClosesSaysItWasClosedHere() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        CountingSocketFactory sockets = new CountingSocketFactory();
        ExecutorService taker = Executors.newSingleThreadExecutor();
        try (ServerSocket server = new ServerSocket(0, ROUNDS, loopback)) {
            for (int round = 0; round < ROUNDS; round++) {
                Socket socket = sockets.createSocket(loopback, server.getLocalPort());
                socket.getInputStream(); // OkHttp takes the socket's streams once, when it connects
                CountDownLatch taking = new CountDownLatch(1);
                Future<String> said = taker.submit(() -> {
                    taking.countDown();
                    try {
                        while (true) {
                            socket.setSoTimeout(1000);
                        }
                    } catch (SocketException e) {
                        return e.getMessage();
                    }
                });
                taking.await();
                socket.close();
                assertEquals("Socket is closed", said.get(), "round " + round);
            }
        } finally {
            taker.shutdownNow();
        }
    }
}
