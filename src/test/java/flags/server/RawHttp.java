package flags.server;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request target exactly as written (OkHttp and java.net.URI would normalise {@code ..} and
 * escapes away before sending, which would hide what the server does with them).
 */
final class RawHttp {

    record Reply(int status, String text) {}

    private RawHttp() {}

    static Reply send(int port, String method, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request =
                    method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String[] statusLine = text.split("\r\n", 2)[0].split(" ");
            return new Reply(Integer.parseInt(statusLine[1]), text);
        }
    }
}
