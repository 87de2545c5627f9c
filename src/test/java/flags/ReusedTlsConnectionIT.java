package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.testing.FakeFlags;
import flags.testing.JarProcess;
import flags.testing.SelfSigned;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over TLS as over plain HTTP: on each connection the server answers its first request fully (keep-alive) and the
 * second with a partial status line, then closes. The second request got answer bytes (under the TLS layer too),
 * so it is a malformed answer, never silently sent again as if the connection had been stale.
 */
@Timeout(60)
class ReusedTlsConnectionIT {
    @TempDir
    Path work;

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void aReusedTlsConnectionThatGotAnswerBytesIsNotSentAgain() throws Exception {
        SelfSigned certificate = SelfSigned.create(work, "loopback");
        try (ServerSocket listening = certificate.listen()) {
            Thread server = new Thread(() -> accept(listening), "tls-server");
            server.setDaemon(true);
            server.start();
            JarProcess.Result r = JarProcess.run(
                    work,
                    Duration.ofSeconds(30),
                    List.of(
                            "-Djavax.net.ssl.trustStore=" + certificate.file(),
                            "-Djavax.net.ssl.trustStorePassword=" + certificate.password(),
                            "-Djavax.net.ssl.trustStoreType=PKCS12"),
                    "seq",
                    "AA",
                    "BB",
                    "--retries",
                    "0",
                    "--format",
                    "json",
                    "-s",
                    "https://127.0.0.1:" + listening.getLocalPort() + "/flags");

            JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
            assertEquals(1, json.get("ok").getAsInt(), r.out() + r.err());
            assertEquals(1, json.get("errors").getAsInt(), r.out());
            JsonObject bb = json.getAsJsonArray("items").get(1).getAsJsonObject();
            assertTrue(bb.get("error").getAsString().startsWith("malformed answer"), bb.toString());
            assertEquals(List.of("/flags/aa/aa.gif", "/flags/bb/bb.gif"), seen, "BB reached the server once");
        }
    }

    private void accept(ServerSocket listening) {
        try {
            while (true) {
                Socket s = listening.accept();
                Thread t = new Thread(() -> answer(s), "tls-connection");
                t.setDaemon(true);
                t.start();
            }
        } catch (Exception closed) {
            // the test is over
        }
    }

    private void answer(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int n = 1; ; n++) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                seen.add(head.split(" ")[1]);
                if (n > 1) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: ima".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                byte[] body = FakeFlags.gif("AA");
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (Exception e) {
            // the connection ends
        }
    }

    private static String head(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1; ) {
            b.write(c);
            if (b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return b.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }
}
