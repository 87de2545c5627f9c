package flags.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One complete answer held in memory, decided when the request arrives and sent when its wait is over. */
record Reply(int status, String contentType, byte[] body, String allow) {

    static final Reply NOT_FOUND = text(HttpStatus.NOT_FOUND_404);
    static final Reply METHOD_NOT_ALLOWED = new Reply(
            HttpStatus.METHOD_NOT_ALLOWED_405,
            "text/plain; charset=utf-8",
            line(HttpStatus.METHOD_NOT_ALLOWED_405),
            "GET, HEAD");

    static Reply file(String contentType, byte[] body) {
        return new Reply(HttpStatus.OK_200, contentType, body, null);
    }

    /** A short text answer such as {@code 418 I'm a Teapot}; empty for the statuses that cannot have a body. */
    static Reply text(int status) {
        byte[] body = HttpStatus.hasNoBody(status) ? new byte[0] : line(status);
        return new Reply(status, "text/plain; charset=utf-8", body, null);
    }

    /** Writes status, headers and (except for HEAD) the body; never blocks. */
    void send(Response response, boolean head, Callback callback) {
        response.setStatus(status);
        if (!HttpStatus.hasNoBody(status)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        if (allow != null) {
            response.getHeaders().put(HttpHeader.ALLOW, allow);
        }
        if (head || body.length == 0) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    private static byte[] line(int status) {
        String reason = HttpStatus.getMessage(status);
        return (status + " " + reason + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
