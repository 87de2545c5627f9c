package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.testing.FakeFlags;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On each connection the server answers its first request fully (keep-alive) and the second with a partial status
 * line, then closes. That second request got answer bytes: over plain HTTP and over TLS alike it is a malformed
 * answer, never silently sent again as if the connection had been stale.
 */
@Timeout(30)
class ReusedTlsConnectionTest {
    @TempDir
    Path out;

    @TempDir
    static Path keys;

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
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
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
        FlagClient client = new FlagClient(http, new DownloadOptions(base, DownloadOptions.DEFAULT_MAX_BYTES, false),
                new FlagStore(out), RetryPolicy.standard(0), new BatchClock());
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

    @Test
    void overTlsTheSameAnswerIsNotSentAgain() throws Exception {
        Path store = keys.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit", "-alias", "srv", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "SAN=IP:127.0.0.1,DNS:localhost").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor(), "keytool made a certificate");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream f = new FileInputStream(store.toFile())) {
            ks.load(f, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        try (ServerSocket ss = serve(ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()))) {
            OkHttpClient http = HttpClients.create(1, Duration.ofSeconds(5), true, Proxies.none()).newBuilder()
                    .sslSocketFactory(ctx.getSocketFactory(), (X509TrustManager) tmf.getTrustManagers()[0])
                    .protocols(List.of(okhttp3.Protocol.HTTP_1_1))
                    .build();
            List<DownloadResult> r = twoCodes(http, HttpUrl.get("https://127.0.0.1:" + ss.getLocalPort() + "/flags"));
            HttpClients.shutdown(http);
            assertEquals(Status.ERROR, r.get(1).status(), String.valueOf(r.get(1)));
            assertEquals(List.of("/flags/aa/aa.gif", "/flags/bb/bb.gif"), seen, "BB reached the server once: " + r.get(1));
        }
    }
}
