package flags.download;

import static flags.testing.RawServer.concat;
import static flags.testing.RawServer.head;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.http.Transport;
import flags.testing.Bodies;
import flags.testing.RawServer;
import flags.testing.RawServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a sloppy or merely unusual HTTP/1.x server sends for one code, byte for byte, against every strategy: the
 * framing (HTTP/1.0, close-delimited bodies, conflicting lengths, chunked bodies cut short), status codes, content
 * types and codings, and {@code --names} metadata in other charsets or not quite JSON. For each cell: status,
 * reason, attempts, HTTP status, that the server saw exactly as many requests as attempts counted, the exact
 * directory listing (dotfiles included), that an older zz.gif survives every outcome but ok, and that the codes
 * before and after ZZ on the same connection are not hurt by what ZZ's answer left on it.
 *
 * <p>One request at a time ({@code -m 1}), so ZZ's request goes out on the connection BR used and CN's on the one
 * ZZ's answer left, if any.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(60)
class FramingMatrixTest {
    private static final String CC = "ZZ";
    private static final String FLAG = "/flags/zz/zz.gif";
    private static final String META = "/flags/zz/metadata.json";
    private static final List<String> CODES = List.of("BR", CC, "CN");
    private static final byte[] OLD =
            "GIF89a the old ZZ flag, which must survive a failed download".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZZ_GIF = Bodies.gif(CC);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path out;

    /** What the connection ZZ's flag answer came on may be used for afterwards. */
    enum Conn {
        /** Whatever the client likes. */
        ANY,
        /** Never another request: the answer ended the connection, or left it in an unknown state. */
        CLOSED,
        /** Reused by the next request: the answer left it clean and said it stays open. */
        REUSED
    }

    /** The answer for the {@code hit}-th request to one of ZZ's paths. */
    @FunctionalInterface
    interface Responder {
        Reply answer(String path, int hit);
    }

    /**
     * One way of answering ZZ and what ZZ must end as: {@code reason} a substring of the error (null: none),
     * {@code saved} the file name and bytes saved when ok.
     */
    record Row(
            String name,
            boolean names,
            int retries,
            Responder responder,
            Status status,
            String reason,
            int attempts,
            int http,
            String savedAs,
            byte[] saved,
            Conn conn,
            int resent) {
        Row(
                String name,
                boolean names,
                int retries,
                Responder responder,
                Status status,
                String reason,
                int attempts,
                int http,
                String savedAs,
                byte[] saved,
                Conn conn) {
            this(name, names, retries, responder, status, reason, attempts, http, savedAs, saved, conn, 0);
        }

        /**
         * The same row, where the server sends more than ZZ's answer: on BR's connection that answer is not trusted
         * (it could be a stray one), so ZZ is asked once more on a new connection, which costs no attempt.
         */
        Row resentOnce() {
            return new Row(name, names, retries, responder, status, reason, attempts, http, savedAs, saved, conn, 1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Row flag(String name, Reply reply, Status status, String reason, int attempts, int http, Conn conn) {
        return new Row(
                name,
                false,
                1,
                (p, n) -> reply,
                status,
                reason,
                attempts,
                http,
                status == Status.OK ? "zz.gif" : null,
                status == Status.OK ? ZZ_GIF : null,
                conn);
    }

    private static Row ok(String name, Reply reply, int http, Conn conn) {
        return flag(name, reply, Status.OK, null, 1, http, conn);
    }

    private static Row error(String name, Reply reply, String reason, int attempts, int http, Conn conn) {
        return flag(name, reply, Status.ERROR, reason, attempts, http, conn);
    }

    /** ZZ's flag is served well; its metadata is {@code body} with {@code contentType}. */
    private static Row meta(String name, String contentType, byte[] body, Status status, String reasonOrFile) {
        Reply metadata = RawServer.ok(contentType, body);
        Reply gif = RawServer.ok("image/gif", ZZ_GIF);
        boolean ok = status == Status.OK;
        return new Row(
                name,
                true,
                1,
                (p, n) -> p.equals(META) ? metadata : gif,
                status,
                ok ? null : reasonOrFile,
                2,
                200,
                ok ? reasonOrFile : null,
                ok ? ZZ_GIF : null,
                Conn.ANY);
    }

    private static Reply gifWith(String statusLine, String... headers) {
        return Reply.keepOpen(concat(head(statusLine, headers), ZZ_GIF));
    }

    private static String length(byte[] body) {
        return "Content-Length: " + body.length;
    }

    static List<Row> rows() {
        byte[] gzipped = Bodies.gzip(ZZ_GIF);
        byte[] long600 = gifOfSize(600);
        byte[] partial = Arrays.copyOf(ZZ_GIF, 100);
        byte[] gzippedHalves = concat(
                Bodies.gzip(Arrays.copyOf(ZZ_GIF, 100)), Bodies.gzip(Arrays.copyOfRange(ZZ_GIF, 100, ZZ_GIF.length)));
        List<Row> rows = new ArrayList<>(List.of(
                // ---- connections: answers that end theirs; the server leaves the socket open anyway ----
                ok(
                        "HTTP/1.0, Content-Length, no keep-alive (socket left open)",
                        gifWith("HTTP/1.0 200 OK", "Content-Type: image/gif", length(ZZ_GIF)),
                        200,
                        Conn.CLOSED),
                ok(
                        "HTTP/1.0, body delimited by close",
                        Reply.close(concat(head("HTTP/1.0 200 OK", "Content-Type: image/gif"), ZZ_GIF)),
                        200,
                        Conn.CLOSED),
                ok(
                        "HTTP/1.0 with Connection: keep-alive",
                        gifWith("HTTP/1.0 200 OK", "Content-Type: image/gif", "Connection: keep-alive", length(ZZ_GIF)),
                        200,
                        Conn.REUSED),
                ok(
                        "HTTP/1.1 Connection: close (socket left open)",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", "Connection: close", length(ZZ_GIF)),
                        200,
                        Conn.CLOSED),
                ok(
                        "HTTP/1.1, body delimited by close",
                        Reply.close(concat(head("HTTP/1.1 200 OK", "Content-Type: image/gif"), ZZ_GIF)),
                        200,
                        Conn.CLOSED),
                ok(
                        "HTTP/1.1 keep-alive, Content-Length (control row)",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", length(ZZ_GIF)),
                        200,
                        Conn.REUSED),
                // ---- framing ----
                error(
                        "Content-Length: 600, 300 (one field)",
                        Reply.keepOpen(concat(
                                head("HTTP/1.1 200 OK", "Content-Type: image/gif", "Content-Length: 600, 300"),
                                long600)),
                        "conflicting Content-Length: '600, 300'",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "Content-Length twice: 300 then 600",
                        Reply.keepOpen(concat(
                                head(
                                        "HTTP/1.1 200 OK",
                                        "Content-Type: image/gif",
                                        "Content-Length: 300",
                                        "Content-Length: 600"),
                                long600)),
                        "conflicting Content-Length: '300, 600'",
                        1,
                        0,
                        Conn.CLOSED),
                ok(
                        "Content-Length twice, the same value",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", length(ZZ_GIF), length(ZZ_GIF)),
                        200,
                        Conn.ANY),
                ok(
                        "Content-Length: N, N (one field, the same value)",
                        gifWith(
                                "HTTP/1.1 200 OK",
                                "Content-Type: image/gif",
                                "Content-Length: " + ZZ_GIF.length + ", " + ZZ_GIF.length),
                        200,
                        Conn.ANY),
                new Row(
                                "Content-Length shorter than the body: its bytes saved, as curl does",
                                false,
                                1,
                                (p, n) -> Reply.keepOpen(concat(
                                        head("HTTP/1.1 200 OK", "Content-Type: image/gif", "Content-Length: 100"),
                                        ZZ_GIF)),
                                Status.OK,
                                null,
                                1,
                                200,
                                "zz.gif",
                                partial,
                                Conn.CLOSED)
                        .resentOnce(),
                new Row(
                                "Content-Length shorter than a 20 KB body, read in several pieces",
                                false,
                                1,
                                (p, n) -> Reply.keepOpen(concat(
                                        head("HTTP/1.1 200 OK", "Content-Type: image/gif", "Content-Length: 19000"),
                                        gifOfSize(20_000))),
                                Status.OK,
                                null,
                                1,
                                200,
                                "zz.gif",
                                Arrays.copyOf(gifOfSize(20_000), 19_000),
                                Conn.CLOSED)
                        .resentOnce(),
                ok(
                                "a stray CRLF after the body",
                                Reply.keepOpen(concat(
                                        head("HTTP/1.1 200 OK", "Content-Type: image/gif", length(ZZ_GIF)),
                                        ZZ_GIF,
                                        "\r\n".getBytes(StandardCharsets.US_ASCII))),
                                200,
                                Conn.CLOSED)
                        .resentOnce(),
                flag(
                                "404 with a body longer than its Content-Length",
                                Reply.keepOpen(concat(
                                        head("HTTP/1.1 404 Not Found", "Content-Type: text/html", "Content-Length: 10"),
                                        Bodies.html())),
                                Status.NOT_FOUND,
                                null,
                                1,
                                404,
                                Conn.CLOSED)
                        .resentOnce(),
                ok(
                        "Transfer-Encoding: chunked and Content-Length (socket left open)",
                        Reply.keepOpen(concat(
                                head(
                                        "HTTP/1.1 200 OK",
                                        "Content-Type: image/gif",
                                        "Transfer-Encoding: chunked",
                                        "Content-Length: 5"),
                                RawServer.chunked(ZZ_GIF, 64))),
                        200,
                        Conn.CLOSED),
                error(
                        "garbage instead of a status line, with a newline",
                        Reply.keepOpen("SSH-2.0-OpenSSH_9.2p1\r\n".getBytes(StandardCharsets.US_ASCII)),
                        "malformed answer",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "garbage instead of a status line, no newline, then close",
                        Reply.close("garbage".getBytes(StandardCharsets.US_ASCII)),
                        "malformed answer: the connection closed after 7 bytes",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "status line, then close before the headers end",
                        Reply.close("HTTP/1.1 200 OK\r\nContent-Type: ima".getBytes(StandardCharsets.US_ASCII)),
                        "malformed answer",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "chunked body cut short mid-chunk",
                        Reply.close(concat(
                                head("HTTP/1.1 200 OK", "Content-Type: image/gif", "Transfer-Encoding: chunked"),
                                "400\r\n".getBytes(StandardCharsets.US_ASCII),
                                partial)),
                        "body cut short after 100 bytes: connection closed",
                        2,
                        200,
                        Conn.CLOSED),
                error(
                        "chunked body without its last chunk, then close",
                        Reply.close(concat(
                                head("HTTP/1.1 200 OK", "Content-Type: image/gif", "Transfer-Encoding: chunked"),
                                "64\r\n".getBytes(StandardCharsets.US_ASCII),
                                partial,
                                "\r\n".getBytes(StandardCharsets.US_ASCII))),
                        "body cut short after 100 bytes: connection closed",
                        2,
                        200,
                        Conn.CLOSED),
                // ---- what HTTP says a client must read, and what a stray answer is not ----
                ok(
                        "folded Content-Length (obs-fold): one field",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", "Content-Length:", " " + ZZ_GIF.length),
                        200,
                        Conn.CLOSED),
                ok(
                        "folded Content-Type (obs-fold)",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif;", "\tcharset=binary", length(ZZ_GIF)),
                        200,
                        Conn.ANY),
                ok(
                        "a whitespace-only folded line after Content-Length",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", length(ZZ_GIF), " \t", "X-After: value"),
                        200,
                        Conn.ANY),
                error(
                        "folded Content-Length with text after the number",
                        gifWith(
                                "HTTP/1.1 200 OK",
                                "Content-Type: image/gif",
                                "Content-Length: " + ZZ_GIF.length,
                                " ANY"),
                        "invalid Content-Length: '" + ZZ_GIF.length + " ANY'",
                        1,
                        0,
                        Conn.CLOSED),
                flag(
                                "204 with a body nobody framed",
                                Reply.keepOpen(concat(
                                        head("HTTP/1.1 204 No Content"), "hello".getBytes(StandardCharsets.US_ASCII))),
                                Status.ERROR,
                                "HTTP 204 No Content",
                                1,
                                204,
                                Conn.CLOSED)
                        .resentOnce(),
                error(
                        "Content-Length with a NUL in it",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", "Content-Length: 99\u000096"),
                        "invalid Content-Length: '99\\x0096'",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "a head larger than 256 KB",
                        Reply.keepOpen(concat(
                                head("HTTP/1.1 200 OK", "Content-Type: image/gif", "X-Big: " + "b".repeat(300_000)),
                                ZZ_GIF)),
                        "malformed answer: the status line and headers are larger than 256 KB",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "Transfer-Encoding: gzip, chunked",
                        Reply.keepOpen(concat(
                                head("HTTP/1.1 200 OK", "Content-Type: image/gif", "Transfer-Encoding: gzip, chunked"),
                                RawServer.chunked(gzipped, 64))),
                        "unsupported Transfer-Encoding: 'gzip, chunked'",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "Transfer-Encoding: gzip, then close",
                        Reply.close(concat(
                                head("HTTP/1.1 200 OK", "Content-Type: image/gif", "Transfer-Encoding: gzip"),
                                gzipped)),
                        "unsupported Transfer-Encoding: 'gzip'",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "HTTP/0.9: a GIF with a newline byte early, no head, then close",
                        Reply.close(concat(
                                "GIF89a".getBytes(StandardCharsets.US_ASCII),
                                new byte[] {1, 0, (byte) 0xFF, (byte) 0x80, '\n'},
                                ZZ_GIF)),
                        "malformed answer: no status line (HTTP/0.9 is not supported), the answer starts with "
                                + "'GIF89a\\x01\\x00\\xff\\x80\\x0a",
                        1,
                        0,
                        Conn.CLOSED),
                flag(
                                "a GIF after the answer, in the same write (a stray second answer)",
                                Reply.keepOpen(concat(
                                        head("HTTP/1.1 404 Not Found", "Content-Type: text/plain", "Content-Length: 0"),
                                        head("HTTP/1.1 200 OK", "Content-Type: image/gif", length(ZZ_GIF)),
                                        ZZ_GIF)),
                                Status.NOT_FOUND,
                                null,
                                1,
                                404,
                                Conn.CLOSED)
                        .resentOnce(),
                // ---- content codings ----
                error(
                        "Content-Encoding: gzip, body not gzip",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", "Content-Encoding: gzip", length(ZZ_GIF)),
                        "bad gzip body: it is not gzip",
                        1,
                        200,
                        Conn.ANY),
                ok(
                        "Content-Encoding: gzip, valid",
                        Reply.keepOpen(concat(
                                head(
                                        "HTTP/1.1 200 OK",
                                        "Content-Type: image/gif",
                                        "Content-Encoding: gzip",
                                        length(gzipped)),
                                gzipped)),
                        200,
                        Conn.ANY),
                ok(
                        "Content-Encoding: x-gzip, valid",
                        Reply.keepOpen(concat(
                                head(
                                        "HTTP/1.1 200 OK",
                                        "Content-Type: image/gif",
                                        "Content-Encoding: x-gzip",
                                        length(gzipped)),
                                gzipped)),
                        200,
                        Conn.ANY),
                ok(
                        "Content-Encoding: GZIP (odd case), chunked",
                        Reply.keepOpen(concat(
                                head(
                                        "HTTP/1.1 200 OK",
                                        "Content-Type: image/gif",
                                        "Content-Encoding: GZIP",
                                        "Transfer-Encoding: chunked"),
                                RawServer.chunked(gzipped, 50))),
                        200,
                        Conn.ANY),
                error(
                        "Content-Encoding: gzip, the gzip stream truncated",
                        Reply.keepOpen(concat(
                                head(
                                        "HTTP/1.1 200 OK",
                                        "Content-Type: image/gif",
                                        "Content-Encoding: gzip",
                                        "Content-Length: 20"),
                                Arrays.copyOf(gzipped, 20))),
                        "bad gzip body: it ends early",
                        1,
                        200,
                        Conn.ANY),
                // An empty body labelled gzip, as some servers send on errors and empty answers: nothing to decode,
                // so a 404 stays a 404 (OkHttp once threw EOFException reading the gzip header of 0 bytes).
                flag(
                        "404, Content-Encoding: gzip, Content-Length: 0",
                        Reply.keepOpen(head("HTTP/1.1 404 Not Found", "Content-Encoding: gzip", "Content-Length: 0")),
                        Status.NOT_FOUND,
                        null,
                        1,
                        404,
                        Conn.ANY),
                flag(
                        "404, Content-Encoding: gzip, an empty chunked body",
                        Reply.keepOpen(concat(
                                head("HTTP/1.1 404 Not Found", "Content-Encoding: gzip", "Transfer-Encoding: chunked"),
                                "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII))),
                        Status.NOT_FOUND,
                        null,
                        1,
                        404,
                        Conn.ANY),
                error(
                        "200, Content-Encoding: gzip, Content-Length: 0",
                        Reply.keepOpen(head(
                                "HTTP/1.1 200 OK",
                                "Content-Type: image/gif",
                                "Content-Encoding: gzip",
                                "Content-Length: 0")),
                        "bad gzip body: it is empty",
                        1,
                        200,
                        Conn.ANY),
                ok(
                        "Content-Encoding: none (not a coding: ignored, as browsers do)",
                        gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", "Content-Encoding: none", length(ZZ_GIF)),
                        200,
                        Conn.ANY),
                unsupportedCoding("deflate"),
                unsupportedCoding("br"),
                unsupportedCoding("zstd"),
                unsupportedCoding("x-klingon"),
                error(
                        "Content-Encoding: gzip, two members",
                        Reply.keepOpen(concat(
                                head(
                                        "HTTP/1.1 200 OK",
                                        "Content-Type: image/gif",
                                        "Content-Encoding: gzip",
                                        "Content-Length: " + (gzippedHalves.length)),
                                gzippedHalves)),
                        "bad gzip body: more follows its gzip stream (several gzip members are not supported)",
                        1,
                        200,
                        Conn.ANY),
                // ---- status ----
                ok(
                        "203 Non-Authoritative Information",
                        gifWith(
                                "HTTP/1.1 203 Non-Authoritative Information",
                                "Content-Type: image/gif",
                                length(ZZ_GIF)),
                        203,
                        Conn.ANY),
                error(
                        "204 No Content, no Content-Length",
                        Reply.keepOpen(head("HTTP/1.1 204 No Content")),
                        "HTTP 204 No Content",
                        1,
                        204,
                        Conn.ANY),
                error(
                        "204 No Content with Content-Length: 5 and a body",
                        Reply.keepOpen(concat(
                                head("HTTP/1.1 204 No Content", "Content-Length: 5"),
                                "hello".getBytes(StandardCharsets.US_ASCII))),
                        "204",
                        1,
                        0,
                        Conn.CLOSED),
                error(
                        "205 Reset Content",
                        Reply.keepOpen(head("HTTP/1.1 205 Reset Content", "Content-Length: 0")),
                        "HTTP 205 Reset Content",
                        1,
                        205,
                        Conn.ANY),
                error(
                        "206 Partial Content with a GIF",
                        gifWith(
                                "HTTP/1.1 206 Partial Content",
                                "Content-Type: image/gif",
                                "Content-Range: bytes 0-" + (ZZ_GIF.length - 1) + "/" + (ZZ_GIF.length * 2),
                                length(ZZ_GIF)),
                        "HTTP 206 Partial Content",
                        1,
                        206,
                        Conn.ANY),
                error(
                        "304 Not Modified with Content-Length and no body",
                        Reply.keepOpen(head("HTTP/1.1 304 Not Modified", "Content-Length: 500")),
                        "HTTP 304 Not Modified",
                        1,
                        304,
                        Conn.ANY),
                error(
                        "201 Created with a GIF",
                        gifWith("HTTP/1.1 201 Created", "Content-Type: image/gif", length(ZZ_GIF)),
                        "HTTP 201 Created",
                        1,
                        201,
                        Conn.ANY),
                ok(
                        "100 Continue, then 200",
                        Reply.keepOpen(concat(
                                head("HTTP/1.1 100 Continue"),
                                head("HTTP/1.1 200 OK", "Content-Type: image/gif", length(ZZ_GIF)),
                                ZZ_GIF)),
                        200,
                        Conn.ANY),
                ok(
                        "103 Early Hints, then 200",
                        Reply.keepOpen(concat(
                                head("HTTP/1.1 103 Early Hints", "Link: </a.css>"),
                                head("HTTP/1.1 200 OK", "Content-Type: image/gif", length(ZZ_GIF)),
                                ZZ_GIF)),
                        200,
                        Conn.ANY),
                ok(
                        "299, a code nobody registered: a 200",
                        gifWith("HTTP/1.1 299 Fine", "Content-Type: image/gif", length(ZZ_GIF)),
                        299,
                        Conn.ANY),
                error(
                        "600, in no class: an error naming it, not retried",
                        gifWith("HTTP/1.1 600 Beyond", "Content-Type: image/gif", length(ZZ_GIF)),
                        "HTTP 600 Beyond",
                        1,
                        600,
                        Conn.ANY),
                error(
                        "999 with no reason phrase",
                        gifWith("HTTP/1.1 999 ", "Content-Type: image/gif", length(ZZ_GIF)),
                        "HTTP 999",
                        1,
                        999,
                        Conn.ANY),
                error(
                        "599, an unknown server error: retried like a 500",
                        Reply.keepOpen(head("HTTP/1.1 599 Odd", "Content-Type: text/plain", "Content-Length: 0")),
                        "HTTP 599 Odd",
                        2,
                        599,
                        Conn.ANY),
                error(
                        "407 with no proxy in use",
                        Reply.keepOpen(head("HTTP/1.1 407 Proxy Authentication Required", "Content-Length: 0")),
                        "HTTP 407 Proxy Authentication Required",
                        1,
                        407,
                        Conn.ANY),
                redirect("file:///etc/passwd", "redirect 302 to a 'file:' URL: only http and https are followed"),
                redirect("ftp://127.0.0.1/zz.gif", "redirect 302 to a 'ftp:' URL: only http and https are followed"),
                redirect("data:image/gif;base64,R0lGOD", "redirect 302 to a 'data:' URL"),
                redirect("javascript:alert(1)", "redirect 302 to a 'javascript:' URL"),
                redirect("http://127.0.0.1:99999/zz.gif", "redirect 302 to a malformed URL: invalid URL port"),
                redirect("http://[::1/zz.gif", "redirect 302 to a malformed URL: invalid URL host"),
                redirect("//127.0.0.1:0x50/zz.gif", "redirect 302 to a malformed URL: invalid URL port"),
                new Row(
                        "503 Retry-After: 0, --retries 0",
                        false,
                        0,
                        (p, n) -> Reply.keepOpen(
                                head("HTTP/1.1 503 Service Unavailable", "Retry-After: 0", "Content-Length: 0")),
                        Status.ERROR,
                        "HTTP 503 Service Unavailable",
                        1,
                        503,
                        null,
                        null,
                        Conn.ANY),
                new Row(
                        "503 Retry-After: 0 then 200, --retries 1",
                        false,
                        1,
                        (p, n) -> n == 1
                                ? Reply.keepOpen(
                                        head("HTTP/1.1 503 Service Unavailable", "Retry-After: 0", "Content-Length: 0"))
                                : RawServer.ok("image/gif", ZZ_GIF),
                        Status.OK,
                        null,
                        2,
                        200,
                        "zz.gif",
                        ZZ_GIF,
                        Conn.ANY),
                // ---- what counts as an image ----
                ok("GIF as application/octet-stream", RawServer.ok("application/octet-stream", ZZ_GIF), 200, Conn.ANY),
                ok("GIF as binary/octet-stream", RawServer.ok("binary/octet-stream", ZZ_GIF), 200, Conn.ANY),
                ok("GIF with no Content-Type", gifWith("HTTP/1.1 200 OK", length(ZZ_GIF)), 200, Conn.ANY),
                ok(
                        "GIF as 'IMAGE/GIF; charset=binary'",
                        RawServer.ok("IMAGE/GIF; charset=binary", ZZ_GIF),
                        200,
                        Conn.ANY),
                ok("GIF as text/plain", RawServer.ok("text/plain", ZZ_GIF), 200, Conn.ANY),
                error(
                        "HTML as image/gif",
                        RawServer.ok("image/gif", Bodies.html()),
                        "not an image (Content-Type image/gif)",
                        1,
                        200,
                        Conn.ANY),
                error(
                        "HTML with no Content-Type",
                        Reply.keepOpen(concat(head("HTTP/1.1 200 OK", length(Bodies.html())), Bodies.html())),
                        "not an image (no Content-Type)",
                        1,
                        200,
                        Conn.ANY),
                image("PNG as image/png", "image/png", Bodies.png(CC)),
                image("JPEG as image/jpeg", "image/jpeg", Bodies.jpeg(CC)),
                image("WebP as image/webp", "image/webp", Bodies.webp(CC)),
                // ---- --names: the metadata ----
                meta(
                        "metadata in ISO-8859-1",
                        "application/json; charset=ISO-8859-1",
                        Bodies.metadata(CC, "Côte d'Ivoire", StandardCharsets.ISO_8859_1),
                        Status.OK,
                        "Côte_d'Ivoire.gif"),
                meta(
                        "metadata with a UTF-8 BOM",
                        "application/json",
                        Bodies.concat(
                                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                                Bodies.metadata(CC, "Zedland", StandardCharsets.UTF_8)),
                        Status.OK,
                        "Zedland.gif"),
                meta(
                        "metadata with a quoted charset",
                        "application/json; charset=\"utf-8\"",
                        Bodies.metadata(CC, "São Tomé", StandardCharsets.UTF_8),
                        Status.OK,
                        "São_Tomé.gif"),
                new Row(
                        "metadata gzip-encoded and chunked",
                        true,
                        1,
                        (p, n) -> p.equals(META)
                                ? Reply.keepOpen(concat(
                                        head(
                                                "HTTP/1.1 200 OK",
                                                "Content-Type: application/json",
                                                "Content-Encoding: gzip",
                                                "Transfer-Encoding: chunked"),
                                        RawServer.chunked(
                                                Bodies.gzip(Bodies.metadata(CC, "Zedland", StandardCharsets.UTF_8)),
                                                16)))
                                : RawServer.ok("image/gif", ZZ_GIF),
                        Status.OK,
                        null,
                        2,
                        200,
                        "Zedland.gif",
                        ZZ_GIF,
                        Conn.ANY),
                meta(
                        "metadata not valid in its declared UTF-8",
                        "application/json; charset=utf-8",
                        Bodies.metadata(CC, "C\u00f4te", StandardCharsets.ISO_8859_1),
                        Status.ERROR,
                        "metadata is not valid UTF-8"),
                meta(
                        "metadata not valid in its declared US-ASCII",
                        "application/json; charset=us-ascii",
                        Bodies.metadata(CC, "C\u00f4te", StandardCharsets.UTF_8),
                        Status.ERROR,
                        "metadata is not valid US-ASCII"),
                meta(
                        "metadata in a charset nobody knows",
                        "application/json; charset=klingon",
                        Bodies.metadata(CC, "Zedland", StandardCharsets.UTF_8),
                        Status.ERROR,
                        "metadata charset 'klingon' is not one this system knows"),
                meta(
                        "lenient JSON {country: 'Zedland'}",
                        "application/json",
                        Bodies.utf8("{country: 'Zedland'}"),
                        Status.ERROR,
                        "metadata is not JSON"),
                meta(
                        "country 42",
                        "application/json",
                        Bodies.utf8("{\"country\": 42}"),
                        Status.ERROR,
                        "metadata's country is not a JSON string: '42'"),
                meta(
                        "country true",
                        "application/json",
                        Bodies.utf8("{\"country\": true}"),
                        Status.ERROR,
                        "metadata's country is not a JSON string: 'true'"),
                meta(
                        "country {...}",
                        "application/json",
                        Bodies.utf8("{\"country\": {\"name\": \"Zedland\"}}"),
                        Status.ERROR,
                        "metadata's country is not a JSON string"),
                meta(
                        "name with a bidi override (U+202E)",
                        "application/json",
                        Bodies.metadata(CC, "Zed\u202Eland", StandardCharsets.UTF_8),
                        Status.ERROR,
                        "an invisible formatting character (U+202E)"),
                meta(
                        "name with a zero-width space (U+200B)",
                        "application/json",
                        Bodies.metadata(CC, "Zed\u200Bland", StandardCharsets.UTF_8),
                        Status.ERROR,
                        "an invisible formatting character (U+200B)"),
                meta(
                        "name with a line separator (U+2028)",
                        "application/json",
                        Bodies.metadata(CC, "Zed\u2028land", StandardCharsets.UTF_8),
                        Status.ERROR,
                        "a line or paragraph separator (U+2028)"),
                meta(
                        "name with ':'",
                        "application/json",
                        Bodies.metadata(CC, "Zed: land", StandardCharsets.UTF_8),
                        Status.ERROR,
                        "it contains ':', which not every system allows")));
        return rows;
    }

    private static Row unsupportedCoding(String coding) {
        return error(
                "Content-Encoding: " + coding + ", never asked for",
                gifWith("HTTP/1.1 200 OK", "Content-Type: image/gif", "Content-Encoding: " + coding, length(ZZ_GIF)),
                "unsupported Content-Encoding: '" + coding + "' (only gzip was asked for)",
                1,
                200,
                Conn.ANY);
    }

    private static Row redirect(String location, String reason) {
        return error(
                "redirect to " + location,
                Reply.keepOpen(head("HTTP/1.1 302 Found", "Location: " + location, "Content-Length: 0")),
                reason,
                1,
                0,
                Conn.ANY);
    }

    private static Row image(String name, String type, byte[] body) {
        return new Row(
                name, false, 1, (p, n) -> RawServer.ok(type, body), Status.OK, null, 1, 200, "zz.gif", body, Conn.ANY);
    }

    static Stream<Arguments> cells() {
        List<Named<IntFunction<Strategy>>> strategies = Strategies.all().toList();
        return rows().stream().flatMap(row -> strategies.stream().map(s -> Arguments.of(Named.of(row.name(), row), s)));
    }

    /**
     * Where the JDK's HTTP client (nio) cannot do what the others do, what it does instead. It reads every answer as
     * HTTP/1.1 (an HTTP/1.0 answer's connection is kept), drops bytes left after an answer and closes a pooled
     * connection that receives any (but keeps the connection they came on), reads Content-Length bytes when chunks
     * are declared too, and cannot parse a Content-Length list: the last two are refused as malformed. It keeps no
     * reason phrase.
     */
    private static Row onJdkClient(Row row) {
        return switch (row.name()) {
            case "HTTP/1.0, Content-Length, no keep-alive (socket left open)",
                    "Content-Length shorter than the body: its bytes saved, as curl does",
                    "Content-Length shorter than a 20 KB body, read in several pieces",
                    "a stray CRLF after the body",
                    "404 with a body longer than its Content-Length",
                    // It reads the folded field itself, so it never needs to close to find the body's end.
                    "folded Content-Length (obs-fold): one field",
                    // The bytes after the answer are dropped on the connection they came on: nothing to resend.
                    "204 with a body nobody framed",
                    "a GIF after the answer, in the same write (a stray second answer)" -> withConn(row, Conn.ANY);
            // It keeps no reason phrase, so an unregistered code is named by its number alone.
            case "600, in no class: an error naming it, not retried" -> withReason(row, "HTTP 600");
            case "599, an unknown server error: retried like a 500" -> withReason(row, "HTTP 599");
            case "Transfer-Encoding: chunked and Content-Length (socket left open)" ->
                refused(row, "malformed answer: both Transfer-Encoding and Content-Length", 0);
            case "Content-Length: N, N (one field, the same value)" ->
                refused(row, "malformed answer: Content-Length '216, 216' is a list", 200);
            default -> row;
        };
    }

    private static Row withReason(Row row, String reason) {
        return new Row(
                row.name(),
                row.names(),
                row.retries(),
                row.responder(),
                row.status(),
                reason,
                row.attempts(),
                row.http(),
                row.savedAs(),
                row.saved(),
                row.conn(),
                row.resent());
    }

    private static Row withConn(Row row, Conn conn) {
        return new Row(
                row.name(),
                row.names(),
                row.retries(),
                row.responder(),
                row.status(),
                row.reason(),
                row.attempts(),
                row.http(),
                row.savedAs(),
                row.saved(),
                conn);
    }

    private static Row refused(Row row, String reason, int http) {
        return new Row(
                row.name(),
                row.names(),
                row.retries(),
                row.responder(),
                Status.ERROR,
                reason,
                1,
                http,
                null,
                null,
                Conn.ANY);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cells")
    void eachAnswerEndsAsExpected(Row given, IntFunction<Strategy> strategyOf) throws Exception {
        Files.write(out.resolve("zz.gif"), OLD);
        Strategy strategy = strategyOf.apply(1);
        Row row = strategy.transport() == Transport.Kind.JDK ? onJdkClient(given) : given;
        List<DownloadResult> results;
        List<RawServer.Request> seen;
        Map<String, Integer> hits = new ConcurrentHashMap<>();
        try (RawServer server = RawServer.start(request -> answer(row, request, hits))) {
            results = BatchHarness.run(strategy, CODES, server.url("/flags"), out, row.retries(), row.names(), TIMEOUT);
            seen = server.requests();
        }
        Map<String, DownloadResult> byCode = results.stream().collect(Collectors.toMap(DownloadResult::cc, r -> r));
        DownloadResult zz = byCode.get(CC);
        Set<String> entries = Cells.entries(out);
        List<RawServer.Request> zzRequests =
                seen.stream().filter(r -> r.path().startsWith("/flags/zz/")).toList();
        String reuse = afterZz(seen);
        System.out.printf(
                "FRAMING|%s|%s|%s|%d|%d|%s|%s|%s%n",
                row.name(),
                strategy.name(),
                zz.status().label(),
                zz.attempts(),
                zz.httpStatus(),
                zz.error(),
                reuse,
                entries);

        // At -m 1 every strategy starts its downloads in the order given, except virtual threads: each is started
        // at once and they race for the one permit. The rows about ZZ's connection need BR's answer first.
        boolean orderGiven = startOrder(seen).equals(CODES);
        assertTrue(
                orderGiven || strategy.name().equals("virtual"),
                strategy.name() + " starts downloads in the order given at -m 1: " + startOrder(seen));
        Set<String> expected = new TreeSet<>(
                row.names() ? Set.of("Brazil.gif", "China.gif", "zz.gif") : Set.of("br.gif", "cn.gif", "zz.gif"));
        if (row.names() && row.savedAs() != null) {
            expected.add(row.savedAs());
        }
        assertEquals(
                CODES.stream().sorted().toList(),
                results.stream().map(DownloadResult::cc).sorted().toList(),
                "every code ends exactly once");
        assertAll(
                row.name() + " / " + strategy.name() + ": " + zz,
                () -> assertEquals(row.status(), zz.status(), "status"),
                () -> Cells.assertReason(row.reason(), zz.error()),
                () -> assertFalse(
                        zz.error() != null && zz.error().contains("\uFFFD"), "a reason shows bytes, never U+FFFD"),
                () -> assertEquals(row.attempts(), zz.attempts(), "attempts"),
                () -> assertEquals(
                        row.attempts() + (orderGiven ? row.resent() : 0),
                        zzRequests.size(),
                        "requests the server saw for ZZ = attempts (+ resent): " + zzRequests),
                () -> assertEquals(row.http(), zz.httpStatus(), "http status"),
                () -> assertEquals(expected, entries, "entries left in the output dir"),
                () -> assertArrayEquals(
                        row.status() == Status.OK && !row.names() ? row.saved() : OLD,
                        Files.readAllBytes(out.resolve("zz.gif")),
                        row.status() == Status.OK && !row.names()
                                ? "the new flag replaces the old"
                                : "the old file is intact"),
                () -> {
                    if (row.savedAs() != null) {
                        assertArrayEquals(row.saved(), Files.readAllBytes(out.resolve(row.savedAs())), row.savedAs());
                        assertEquals(out.resolve(row.savedAs()), zz.file(), "file");
                    } else {
                        assertNull(zz.file(), "file");
                    }
                },
                () -> {
                    for (String cc : List.of("BR", "CN")) {
                        DownloadResult r = byCode.get(cc);
                        assertEquals(Status.OK, r.status(), "the neighbour on the same connection: " + r);
                        assertEquals(1 + (row.names() ? 1 : 0), r.attempts(), "the neighbour's attempts: " + r);
                        assertArrayEquals(Bodies.gif(cc), Files.readAllBytes(r.file()), cc);
                    }
                },
                () -> {
                    if (!orderGiven) {
                        return; // ZZ did not follow BR on a kept connection: the row's premise did not happen
                    }
                    switch (row.conn()) {
                        case CLOSED -> assertEquals("closed", reuse, "ZZ's connection after its answer");
                        case REUSED -> assertEquals("reused", reuse, "ZZ's connection after its answer");
                        case ANY -> {}
                    }
                });
    }

    static Stream<Named<IntFunction<Strategy>>> strategies() {
        return Strategies.all();
    }

    /**
     * Three codes whose metadata all say "Same", four requests at a time: one saves Same.gif (replacing the file of
     * an earlier run), the two others are errors naming it, never a silent overwrite of this batch's file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void threeCodesNamingOneFileSaveItOnce(IntFunction<Strategy> strategyOf) throws Exception {
        Files.write(out.resolve("Same.gif"), OLD);
        List<String> codes = List.of("ZX", "ZY", "ZZ");
        List<DownloadResult> results;
        try (RawServer server = RawServer.start(request -> {
            String cc = request.path().split("/")[2];
            return request.path().endsWith("/metadata.json")
                    ? RawServer.ok("application/json", Bodies.metadata(cc, "Same", StandardCharsets.UTF_8))
                    : RawServer.ok("image/gif", Bodies.gif(cc));
        })) {
            results = BatchHarness.run(strategyOf.apply(4), codes, server.url("/flags"), out, 0, true, TIMEOUT);
        }
        List<DownloadResult> saved =
                results.stream().filter(r -> r.status() == Status.OK).toList();
        assertEquals(1, saved.size(), "one code saves Same.gif: " + results);
        String winner = saved.get(0).cc();
        assertArrayEquals(Bodies.gif(winner), Files.readAllBytes(out.resolve("Same.gif")), "the winner's flag");
        for (DownloadResult r : results) {
            if (r.status() != Status.OK) {
                assertEquals(Status.ERROR, r.status(), r.toString());
                assertEquals("cannot save Same.gif: already saved for " + winner + " in this batch", r.error());
            }
        }
        assertEquals(Set.of("Same.gif"), Cells.entries(out), "one file, no temporary file left");
    }

    /** BR and CN are served well; ZZ's paths by the row, with a per-path hit count. */
    private static Reply answer(Row row, RawServer.Request request, Map<String, Integer> hits) {
        String path = request.path();
        for (String cc : List.of("br", "cn")) {
            if (path.equals("/flags/" + cc + "/" + cc + ".gif")) {
                return RawServer.ok("image/gif", Bodies.gif(cc));
            }
            if (path.equals("/flags/" + cc + "/metadata.json")) {
                return RawServer.ok(
                        "application/json",
                        Bodies.metadata(cc, cc.equals("br") ? "Brazil" : "China", StandardCharsets.UTF_8));
            }
        }
        if (path.equals(FLAG) || path.equals(META)) {
            return row.responder().answer(path, hits.merge(path, 1, Integer::sum));
        }
        return RawServer.notFound();
    }

    /** The codes in the order their first request reached the server. */
    private static List<String> startOrder(List<RawServer.Request> seen) {
        return seen.stream()
                .map(r -> r.path().split("/"))
                .filter(parts -> parts.length > 2)
                .map(parts -> parts[2].toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /**
     * "reused" when a request came after one of ZZ's flag requests on the same connection, "closed" when none did
     * (the client opened a new connection for what followed, or nothing followed).
     */
    private static String afterZz(List<RawServer.Request> seen) {
        for (RawServer.Request zz : seen) {
            if (zz.path().equals(FLAG)
                    && seen.stream().anyMatch(r -> r.connection() == zz.connection() && r.nth() > zz.nth())) {
                return "reused";
            }
        }
        return "closed";
    }

    static byte[] gifOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy("GIF89a".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 6);
        return body;
    }
}
