package flags.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.BatchClock;
import flags.download.DownloadOptions;
import flags.download.DownloadResult;
import flags.download.FlagClient;
import flags.download.RetryPolicy;
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
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A gzip body cut short by the server closing is a body cut short, retried, however the body was framed. */
@Timeout(30)
class GzipCutShortTest {
    @TempDir
    Path out;

    static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o)) {
            g.write(b);
        }
        return o.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCutGzipBodyIsClassifiedTheSameWhateverTheFraming(boolean withLength) throws Exception {
        byte[] gif = FakeFlags.gif("ZZ");
        byte[] full = gzip(concat(
                gif,
                new Random(2)
                        .ints(4000, 0, 256)
                        .collect(ByteArrayOutputStream::new, (s, i) -> s.write(i), (a, b) -> {})
                        .toByteArray()));
        byte[] half = Arrays.copyOf(full, full.length / 2);
        try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        try (Socket s = ss.accept()) {
                            InputStream in = s.getInputStream();
                            ByteArrayOutputStream head = new ByteArrayOutputStream();
                            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                                head.write(in.read());
                            }
                            OutputStream o = s.getOutputStream();
                            o.write(("HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Encoding: gzip\r\n"
                                            + (withLength
                                                    ? "Content-Length: " + full.length + "\r\n"
                                                    : "Connection: close\r\n")
                                            + "\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            o.write(half);
                            o.flush();
                        }
                    }
                } catch (Exception done) {
                    // closed
                }
            });
            t.setDaemon(true);
            t.start();
            OkHttpClient http = HttpClients.create(1, Duration.ofSeconds(5));
            FlagClient client = new FlagClient(
                    http,
                    new DownloadOptions(
                            HttpUrl.get("http://127.0.0.1:" + ss.getLocalPort() + "/flags"),
                            DownloadOptions.DEFAULT_MAX_BYTES,
                            false),
                    new FlagStore(out),
                    RetryPolicy.standard(1),
                    new BatchClock());
            DownloadResult r = client.downloadOne("ZZ");
            HttpClients.shutdown(http);
            assertEquals(2, r.attempts(), "a body cut short is retried (--retries 1): " + r.error());
            assertEquals(true, r.error().startsWith("body cut short"), r.error());
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
