package flags.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.BatchClock;
import flags.download.DownloadOptions;
import flags.download.DownloadResult;
import flags.download.FlagClient;
import flags.download.RetryPolicy;
import flags.download.Status;
import flags.store.FlagStore;
import flags.testing.FakeFlags;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On each connection the server answers its first request fully (keep-alive) and the second with a partial status
 * line, then closes. That second request got answer bytes: it is a malformed answer, never silently sent again as
 * if the connection had been stale ({@code ReusedTlsConnectionIT} shows the same over TLS).
 */
@Timeout(30)
class ReusedConnectionTest {
    @TempDir
    Path out;

    final List<String> seen = new CopyOnWriteArrayList<>();

    ServerSocket serve(ServerSocket ss) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Socket s = ss.accept();
                    new Thread(() -> connection(s)).start();
                }
            } catch (Exception done) {
                // closed
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    void connection(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream o = s.getOutputStream();
            for (int n = 1; ; n++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String path = head.split(" ")[1];
                seen.add(path);
                if (n == 1) {
                    byte[] body = FakeFlags.gif("XX");
                    o.write(("HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Length: " + body.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    o.write(body);
                    o.flush();
                } else {
                    o.write("HTTP/1.1 200 OK\r\nContent-Type: ima".getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                    return;
                }
            }
        } catch (Exception e) {
            // connection ends
        }
    }

    static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            b.write(c);
            String s = b.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return null;
    }

    private List<DownloadResult> twoCodes(OkHttpClient http, HttpUrl base) {
        FlagClient client = new FlagClient(
                http,
                new DownloadOptions(base, DownloadOptions.DEFAULT_MAX_BYTES, false),
                new FlagStore(out),
                RetryPolicy.standard(0),
                new BatchClock());
        return List.of(client.downloadOne("AA"), client.downloadOne("BB"));
    }

    @Test
    void overPlainHttpTheBrokenAnswerIsAnError() throws Exception {
        try (ServerSocket ss = serve(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()))) {
            OkHttpClient http = HttpClients.create(1, Duration.ofSeconds(5));
            List<DownloadResult> r = twoCodes(http, HttpUrl.get("http://127.0.0.1:" + ss.getLocalPort() + "/flags"));
            HttpClients.shutdown(http);
            assertEquals(Status.ERROR, r.get(1).status(), String.valueOf(r.get(1)));
            assertEquals(List.of("/flags/aa/aa.gif", "/flags/bb/bb.gif"), seen);
        }
    }
}
