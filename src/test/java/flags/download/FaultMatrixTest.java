package flags.download;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.http.Proxies;
import flags.http.Transport;
import flags.store.FlagStore;
import flags.testing.FakeFlags;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault a server or the network can throw at one code, against every strategy (rows x {seq, threads,
 * async}). For each cell: the status, the error reason, the attempts, the HTTP status, the exact set of entries
 * left in the output directory (dotfiles included, so a leaked {@code .zz-*.part} shows), and that a file already
 * at the final name survives every outcome but ok. A healthy neighbour (BR) runs in the same batch against the
 * mock server, so a fault never spills onto another code.
 */
@Execution(ExecutionMode.CONCURRENT) // its cases mostly wait: run four at a time
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(30)
class FaultMatrixTest {
    private static final String CC = "ZZ";
    private static final String FLAG_PATH = "/flags/zz/zz.gif";
    private static final byte[] OLD =
            "GIF89a the old ZZ flag, which must survive a failed download".getBytes(StandardCharsets.US_ASCII);
    /** A small {@code --max-bytes}, so a too-large body is cheap to serve. Every good flag here is smaller. */
    private static final long MAX_BYTES = 1000;
    /**
     * The {@code --timeout} of a row that expects one (stall, trickle): short, so it costs a second an attempt; the
     * healthy neighbour and those rows' heads must come within it, which loopback does in milliseconds, and even a
     * busy machine in a fraction of it. The trickle takes 1.6 s however fast the machine.
     */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(1);

    /** The {@code --timeout} of every other row: the product's default, which no healthy loopback answer reaches. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @StartStop
    final MockWebServer server = new MockWebServer();

    /**
     * Loads the JDK client's classes before the cases run: its first request in a JVM takes longer than
     * {@link #TIMEOUT} on a busy machine, as OkHttp's would, whose classes the cases before it have loaded.
     */
    @BeforeAll
    static void loadTheJdkClient(@TempDir Path dir) throws IOException {
        try (MockWebServer warm = new MockWebServer()) {
            warm.enqueue(status(404));
            warm.start();
            Transport http = Transport.create(Transport.Kind.JDK, 1, Duration.ofSeconds(30), Proxies.none());
            try {
                DownloadOptions options = new DownloadOptions(warm.url("/flags"), MAX_BYTES, false);
                new FlagClient(http, options, new FlagStore(dir), RetryPolicy.standard(0), new BatchClock())
                        .downloadOne(CC);
            } finally {
                http.shutdown();
            }
        }
    }

    @TempDir
    Path out;

    // ---- the rows ----

    enum Target {
        SERVER,
        UNKNOWN_HOST,
        REFUSED
    }

    /** The answer for a request to {@code path}, the {@code hit}-th to that path; null means 404. */
    @FunctionalInterface
    interface Responder {
        MockResponse respond(String path, int hit);
    }

    /**
     * One fault and what ZZ must end as. {@code reason} is a substring of the error (null: no error);
     * {@code saved} is the content zz.gif must have when ok; {@code minWait} a lower bound on ended - started.
     */
    record Row(
            String name,
            Target target,
            int retries,
            Responder responder,
            Status status,
            String reason,
            int attempts,
            int http,
            byte[] saved,
            Duration minWait) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Row serve(
            String name, int retries, Responder r, Status status, String reason, int attempts, int http) {
        return new Row(
                name,
                Target.SERVER,
                retries,
                r,
                status,
                reason,
                attempts,
                http,
                status == Status.OK ? FakeFlags.gif(CC) : null,
                Duration.ZERO);
    }

    static List<Row> rows() {
        byte[] big = gifOfSize(5000);
        byte[] exact = gifOfSize((int) MAX_BYTES);
        byte[] medium = gifOfSize(800);
        return List.of(
                serve("404", 1, (p, n) -> status(404), Status.NOT_FOUND, null, 1, 404),
                serve("418", 1, (p, n) -> status(418), Status.ERROR, "HTTP 418", 1, 418),
                serve("500 (retries=2)", 2, (p, n) -> status(500), Status.ERROR, "HTTP 500", 3, 500),
                serve(
                        "503 then 200",
                        1,
                        (p, n) -> n == 1 ? status(503) : gif(FakeFlags.gif(CC)),
                        Status.OK,
                        null,
                        2,
                        200),
                new Row(
                        "429 Retry-After: 1 then 200",
                        Target.SERVER,
                        1,
                        (p, n) -> n == 1
                                ? new MockResponse.Builder()
                                        .code(429)
                                        .addHeader("Retry-After", "1")
                                        .body("slow down")
                                        .build()
                                : gif(FakeFlags.gif(CC)),
                        Status.OK,
                        null,
                        2,
                        200,
                        FakeFlags.gif(CC),
                        Duration.ofMillis(950)),
                serve(
                        "200 text/html",
                        1,
                        (p, n) -> new MockResponse.Builder()
                                .code(200)
                                .addHeader("Content-Type", "text/html; charset=utf-8")
                                .body("<html><body>Not a flag</body></html>")
                                .build(),
                        Status.ERROR,
                        "not an image",
                        1,
                        200),
                serve(
                        "200 image/gif, HTML body",
                        1,
                        (p, n) -> new MockResponse.Builder()
                                .code(200)
                                .addHeader("Content-Type", "image/gif")
                                .body("<html><body>Not a flag</body></html>")
                                .build(),
                        Status.ERROR,
                        "not an image",
                        1,
                        200),
                serve(
                        "200 empty image/gif",
                        1,
                        (p, n) -> new MockResponse.Builder()
                                .code(200)
                                .addHeader("Content-Type", "image/gif")
                                .body("")
                                .build(),
                        Status.ERROR,
                        "empty",
                        1,
                        200),
                serve(
                        "200 truncated (Content-Length 600, 300 sent, close)",
                        1,
                        (p, n) -> new MockResponse.Builder(gif(gifOfSize(300)))
                                .setHeader("Content-Length", 600)
                                .onResponseEnd(new SocketEffect.CloseSocket())
                                .build(),
                        Status.ERROR,
                        "cut short",
                        2,
                        200),
                serve(
                        "body 5000 > max-bytes 1000, Content-Length",
                        1,
                        (p, n) -> gif(big),
                        Status.ERROR,
                        "max-bytes",
                        1,
                        200),
                serve(
                        "body 5000 > max-bytes 1000, chunked",
                        1,
                        (p, n) -> chunkedGif(big),
                        Status.ERROR,
                        "max-bytes",
                        1,
                        200),
                new Row(
                        "body == max-bytes 1000, chunked",
                        Target.SERVER,
                        1,
                        (p, n) -> chunkedGif(exact),
                        Status.OK,
                        null,
                        1,
                        200,
                        exact,
                        Duration.ZERO),
                serve(
                        "stall before headers",
                        1,
                        (p, n) -> new MockResponse.Builder(gif(FakeFlags.gif(CC)))
                                .headersDelay(10, TimeUnit.SECONDS)
                                .build(),
                        Status.ERROR,
                        "timeout",
                        2,
                        0),
                serve(
                        "stall after headers",
                        1,
                        (p, n) -> new MockResponse.Builder(gif(FakeFlags.gif(CC)))
                                .bodyDelay(10, TimeUnit.SECONDS)
                                .build(),
                        Status.ERROR,
                        "timeout",
                        2,
                        200),
                serve(
                        "stall mid-body",
                        1,
                        (p, n) -> new MockResponse.Builder(gif(medium))
                                .onResponseBody(SocketEffect.Stall.INSTANCE)
                                .build(),
                        Status.ERROR,
                        "timeout",
                        2,
                        200),
                serve(
                        "trickle (800 B at 50 B/100 ms)",
                        1,
                        (p, n) -> new MockResponse.Builder(gif(medium))
                                .throttleBody(50, 100, TimeUnit.MILLISECONDS)
                                .build(),
                        Status.ERROR,
                        "timeout",
                        2,
                        200),
                serve(
                        "close before response",
                        1,
                        (p, n) -> new MockResponse.Builder(gif(FakeFlags.gif(CC)))
                                .onResponseStart(new SocketEffect.CloseSocket())
                                .build(),
                        Status.ERROR,
                        "connection closed before an answer",
                        2,
                        0),
                serve(
                        "close socket mid-body",
                        1,
                        (p, n) -> new MockResponse.Builder(gif(medium))
                                .onResponseBody(new SocketEffect.CloseSocket())
                                .build(),
                        Status.ERROR,
                        "body cut short after 400 of 800 bytes: connection closed",
                        2,
                        200),
                serve(
                        "chunked, close socket mid-body",
                        1,
                        (p, n) -> new MockResponse.Builder(chunkedGif(medium))
                                .onResponseBody(new SocketEffect.CloseSocket())
                                .build(),
                        Status.ERROR,
                        "body cut short",
                        2,
                        200),
                serve(
                        "shutdown connection mid-body",
                        1,
                        (p, n) -> new MockResponse.Builder(gif(medium))
                                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                                .build(),
                        Status.ERROR,
                        "body cut short",
                        2,
                        200),
                serve("redirect to itself", 1, (p, n) -> redirect(301, p), Status.ERROR, "redirect loop", 1, 0),
                serve(
                        "redirect loop A->B->A",
                        1,
                        (p, n) -> redirect(302, p.equals(FLAG_PATH) ? "/b" : FLAG_PATH),
                        Status.ERROR,
                        "redirect loop",
                        1,
                        0),
                serve("6 redirects", 1, (p, n) -> chain(p, 6), Status.ERROR, "more than 5 redirects", 1, 0),
                serve("5 redirects then the flag", 1, (p, n) -> chain(p, 5), Status.OK, null, 1, 200),
                serve(
                        "redirect to a good file",
                        1,
                        (p, n) -> p.equals(FLAG_PATH)
                                ? redirect(302, "/mirror/zz-flag.gif")
                                : p.equals("/mirror/zz-flag.gif") ? gif(FakeFlags.gif(CC)) : null,
                        Status.OK,
                        null,
                        1,
                        200),
                serve("301 without Location", 1, (p, n) -> status(301), Status.ERROR, "Location", 1, 0),
                new Row(
                        "unknown host",
                        Target.UNKNOWN_HOST,
                        1,
                        null,
                        Status.ERROR,
                        "unknown host",
                        1,
                        0,
                        null,
                        Duration.ZERO),
                new Row(
                        "connection refused",
                        Target.REFUSED,
                        1,
                        null,
                        Status.ERROR,
                        "connection refused",
                        2,
                        0,
                        null,
                        Duration.ZERO));
    }

    static Stream<Arguments> cells() {
        List<Named<IntFunction<Strategy>>> strategies = Strategies.all().toList();
        return rows().stream().flatMap(row -> strategies.stream().map(s -> Arguments.of(Named.of(row.name(), row), s)));
    }

    // ---- the test ----

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cells")
    void eachFaultEndsAsExpected(Row row, IntFunction<Strategy> strategyOf) throws Exception {
        Files.write(out.resolve("zz.gif"), OLD);
        HttpUrl base = base(row);
        List<String> codes = row.target() == Target.SERVER ? List.of("BR", CC) : List.of(CC);
        Strategy strategy = strategyOf.apply(4);

        Duration timeout = "timeout".equals(row.reason()) ? STALL_TIMEOUT : TIMEOUT;
        List<DownloadResult> results = run(strategy, codes, base, out, row.retries(), timeout);

        Map<String, DownloadResult> byCode = results.stream().collect(Collectors.toMap(DownloadResult::cc, r -> r));
        DownloadResult zz = byCode.get(CC);
        Set<String> entries = Cells.entries(out);
        long waited = zz == null ? -1 : zz.ended().minus(zz.started()).toMillis();
        System.out.printf(
                "MATRIX|%s|%s|%s|%d|%d|%s|%dms|%s%n",
                row.name(),
                strategy.name(),
                zz == null ? "-" : zz.status().label(),
                zz == null ? -1 : zz.attempts(),
                zz == null ? -1 : zz.httpStatus(),
                zz == null ? "-" : zz.error(),
                waited,
                entries);

        Set<String> expectedEntries = row.target() == Target.SERVER ? Set.of("br.gif", "zz.gif") : Set.of("zz.gif");
        assertEquals(
                codes.stream().sorted().toList(),
                results.stream().map(DownloadResult::cc).sorted().toList(),
                "every code ends exactly once");
        assertAll(
                row.name() + " / " + strategy.name() + ": " + zz,
                () -> assertEquals(row.status(), zz.status(), "status"),
                () -> Cells.assertReason(row.reason(), zz.error()),
                () -> assertEquals(row.attempts(), zz.attempts(), "attempts"),
                () -> assertEquals(row.http(), zz.httpStatus(), "http status"),
                () -> assertEquals(new TreeSet<>(expectedEntries), entries, "entries left in the output dir"),
                () -> assertEquals(row.status() == Status.OK ? out.resolve("zz.gif") : null, zz.file(), "file"),
                () -> assertArrayEquals(
                        row.status() == Status.OK ? row.saved() : OLD,
                        Files.readAllBytes(out.resolve("zz.gif")),
                        row.status() == Status.OK ? "the new flag replaces the old" : "the old file is intact"),
                () -> assertEquals(row.status() == Status.OK ? row.saved().length : 0, zz.bytes(), "bytes"),
                () -> assertTrue(
                        waited >= row.minWait().toMillis(),
                        "ended - started = " + waited + " ms, expected >= "
                                + row.minWait().toMillis()),
                () -> {
                    if (row.target() == Target.SERVER) {
                        DownloadResult br = byCode.get("BR");
                        assertEquals(Status.OK, br.status(), "the healthy neighbour: " + br);
                        assertArrayEquals(FakeFlags.gif("BR"), Files.readAllBytes(out.resolve("br.gif")));
                    }
                });
    }

    // ---- a batch without the CLI's final sweep, with a short timeout, a small max-bytes and fast retries ----

    private static List<DownloadResult> run(
            Strategy strategy, List<String> codes, HttpUrl base, Path dir, int retries, Duration timeout)
            throws InterruptedException {
        Transport http = Transport.create(
                strategy.transport(), Math.max(1, strategy.concurrency(codes.size())), timeout, Proxies.none());
        try {
            DownloadOptions options = new DownloadOptions(base, MAX_BYTES, false);
            RetryPolicy fast = new RetryPolicy(retries, Duration.ofMillis(1), Duration.ofMillis(5), () -> 0.5);
            FlagClient client = new FlagClient(http, options, new FlagStore(dir), fast, new BatchClock());
            List<DownloadResult> results = Collections.synchronizedList(new ArrayList<>());
            // Not on Batch: its finishBatch would sweep away the temporary files each code must remove itself.
            strategy.run(codes, client, results::add);
            return List.copyOf(results);
        } finally {
            http.shutdown();
        }
    }

    private HttpUrl base(Row row) throws IOException {
        return switch (row.target()) {
            case SERVER -> {
                server.setDispatcher(new RowDispatcher(row.responder()));
                yield server.url("/flags");
            }
            case UNKNOWN_HOST -> HttpUrl.get("http://no-such-host.invalid/flags");
            case REFUSED -> HttpUrl.get("http://127.0.0.1:" + closedPort() + "/flags");
        };
    }

    /** A loopback port nothing listens on: bound, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** BR is always served well; every other path goes to the row's responder, with a per-path hit count. */
    static final class RowDispatcher extends Dispatcher {
        private final Responder responder;
        private final Map<String, Integer> hits = new ConcurrentHashMap<>();

        RowDispatcher(Responder responder) {
            this.responder = responder;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            if (path.equals("/flags/br/br.gif")) {
                return FakeFlags.gifResponse("BR");
            }
            MockResponse answer = responder.respond(path, hits.merge(path, 1, Integer::sum));
            return answer != null ? answer : status(404);
        }
    }

    // ---- answers ----

    static byte[] gifOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy("GIF89a".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 6);
        return body;
    }

    static MockResponse gif(byte[] body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "image/gif")
                .body(new Buffer().write(body))
                .build();
    }

    static MockResponse chunkedGif(byte[] body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "image/gif")
                .chunkedBody(new Buffer().write(body), 512)
                .build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("no flag here").build();
    }

    static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Location", location)
                .body("moved")
                .build();
    }

    /** FLAG_PATH -> /r/1 -> ... -> /r/{hops - 1} -> /final: {@code hops} redirects, then the flag. */
    static MockResponse chain(String path, int hops) {
        if (path.equals("/final")) {
            return gif(FakeFlags.gif(CC));
        }
        int i = path.equals(FLAG_PATH) ? 0 : path.startsWith("/r/") ? Integer.parseInt(path.substring(3)) : -1;
        if (i < 0) {
            return null;
        }
        return redirect(302, i + 1 < hops ? "/r/" + (i + 1) : "/final");
    }
}
