package flags.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flag server's contract (routes, delays, errors, start and stop), against real servers on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlagServerTest {
    /** What a test waits for (a log line, a stop) comes within milliseconds; only a hang reaches this. */
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(30);

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(10))
            .retryOnConnectionFailure(false)
            .build();

    @TempDir
    Path root;

    private Path dir;
    private Path outside;
    private final List<FlagServer> servers = new ArrayList<>();

    @BeforeEach
    void createDirs() throws IOException {
        dir = SampleDir.create(root.resolve("served"), "br", "cn");
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.gif"), "SECRET outside DIR");
        Files.createDirectories(outside.resolve("br"));
        Files.writeString(outside.resolve("br/br.gif"), "SECRET outside DIR");
    }

    @AfterEach
    void stopServers() {
        servers.forEach(FlagServer::close);
    }

    @AfterAll
    static void stopClient() {
        CLIENT.connectionPool().evictAll();
        CLIENT.dispatcher().executorService().shutdown();
    }

    private FlagServer start(double delay, double jitter, double errorRate, int errorStatus, Long seed)
            throws IOException {
        FlagServer server = FlagServer.start(new ServerConfig(
                "127.0.0.1",
                0,
                dir,
                Duration.ofMillis(Math.round(delay * 1000)),
                Duration.ofMillis(Math.round(jitter * 1000)),
                errorRate,
                errorStatus,
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed)));
        servers.add(server);
        return server;
    }

    private FlagServer startFast() throws IOException {
        return start(0, 0, 0, 418, null);
    }

    private static Response call(Request request) throws IOException {
        return CLIENT.newCall(request).execute();
    }

    /** Sends {@code request} asynchronously; runs one of the two when it fails or is answered. */
    private static void enqueue(Request request, Runnable onFailure, Runnable onAnswer) {
        CLIENT.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                onFailure.run();
            }

            @Override
            public void onResponse(Call call, Response response) {
                response.close();
                onAnswer.run();
            }
        });
    }

    private static Request get(FlagServer server, String path) {
        return new Request.Builder().url(server.baseUrl() + path).build();
    }

    // ---- GET and HEAD ---------------------------------------------------------------------------

    @Test
    void baseUrlIsLoopbackWithoutTrailingSlash() throws IOException {
        FlagServer server = startFast();
        assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/flags"), server.baseUrl());
        assertTrue(server.port() > 0);
    }

    @Test
    void getServesTheGifWithTypeAndLength() throws IOException {
        FlagServer server = startFast();
        try (Response r = call(get(server, "/br/br.gif"))) {
            assertEquals(200, r.code());
            assertEquals("image/gif", r.header("Content-Type"));
            assertEquals(String.valueOf(SampleDir.gif("br").length), r.header("Content-Length"));
            assertArrayEquals(SampleDir.gif("br"), r.body().bytes());
        }
    }

    @Test
    void getServesTheMetadataAsJson() throws IOException {
        FlagServer server = startFast();
        try (Response r = call(get(server, "/cn/metadata.json"))) {
            assertEquals(200, r.code());
            assertEquals("application/json", r.header("Content-Type"));
            assertEquals(String.valueOf(SampleDir.json("cn").length), r.header("Content-Length"));
            assertArrayEquals(SampleDir.json("cn"), r.body().bytes());
        }
    }

    @Test
    void headHasTheHeadersOfGetAndNoBody() throws IOException {
        FlagServer server = startFast();
        try (Response r = call(new Request.Builder()
                .url(server.baseUrl() + "/br/br.gif")
                .head()
                .build())) {
            assertEquals(200, r.code());
            assertEquals("image/gif", r.header("Content-Type"));
            assertEquals(String.valueOf(SampleDir.gif("br").length), r.header("Content-Length"));
            assertEquals(0, r.body().bytes().length);
        }
        // The body really is absent on the wire, not just ignored by the client.
        RawHttp.Reply raw = RawHttp.send(server.port(), "HEAD", "/flags/br/br.gif");
        assertEquals(200, raw.status());
        assertTrue(raw.text().endsWith("\r\n\r\n"), raw.text());
    }

    @Test
    void keepsConnectionsAlive() throws IOException {
        FlagServer server = startFast();
        AtomicInteger connects = new AtomicInteger();
        OkHttpClient counting = CLIENT.newBuilder()
                .eventListener(new EventListener() {
                    @Override
                    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                        connects.incrementAndGet();
                    }
                })
                .connectionPool(new ConnectionPool())
                .build();
        try {
            for (String path : List.of("/br/br.gif", "/cn/cn.gif", "/xx/xx.gif", "/br/metadata.json")) {
                try (Response r = counting.newCall(get(server, path)).execute()) {
                    r.body().bytes();
                }
            }
            assertEquals(1, connects.get(), "four requests, one connection");
        } finally {
            counting.connectionPool().evictAll();
        }
    }

    // ---- 404 and 405 ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/flags/xx/xx.gif",
                "/flags/br/cn.gif",
                "/flags/BR/br.gif",
                "/flags/br/BR.gif",
                "/flags/br/br.png",
                "/flags/br/metadata.json.bak",
                "/flags/br/",
                "/flags/br",
                "/flags",
                "/flags/",
                "/",
                "/br/br.gif",
                "/flags/bra/bra.gif",
                "/flags/br/br.gif/x",
                "/other/br/br.gif"
            })
    void anyOtherPathIsNotFound(String path) throws IOException {
        FlagServer server = startFast();
        for (String method : List.of("GET", "HEAD", "POST")) {
            assertEquals(404, RawHttp.send(server.port(), method, path).status(), method + " " + path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAreNotAllowed(String method) throws IOException {
        FlagServer server = startFast();
        RequestBody body = method.equals("DELETE") || method.equals("OPTIONS")
                ? null
                : RequestBody.create(new byte[] {1, 2, 3}, (MediaType) null);
        for (String path : List.of("/br/br.gif", "/br/metadata.json")) {
            try (Response r = call(new Request.Builder()
                    .url(server.baseUrl() + path)
                    .method(method, body)
                    .build())) {
                assertEquals(405, r.code(), method + " " + path);
                assertEquals("GET, HEAD", r.header("Allow"));
            }
        }
    }

    // ---- never outside DIR ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/flags/../outside/br/br.gif",
                "/flags/br/../../outside/br/br.gif",
                "/flags/../../outside/secret.gif",
                "/../outside/br/br.gif",
                "/flags/%2e%2e/outside/br/br.gif",
                "/flags/%2E%2E/outside/br/br.gif",
                "/flags/br/%2e%2e/%2e%2e/outside/br/br.gif",
                "/flags/.%2e/outside/br/br.gif",
                "/flags/%2e%2e%2foutside%2fbr%2fbr.gif",
                "/flags/br%2f..%2f..%2foutside%2fbr%2fbr.gif",
                "/flags/br/..%2f..%2foutside/br/br.gif",
                "/flags/..%5coutside%5cbr%5cbr.gif",
                "/flags/br/..;/..;/outside/br/br.gif",
                "/flags/%252e%252e/outside/br/br.gif",
                "/flags//outside/br/br.gif",
                "/flags/br/br.gif%00",
                "http://127.0.0.1/flags/../outside/br/br.gif",
            })
    void traversalFormsNeverServeAFileOutsideDir(String target) throws IOException {
        FlagServer server = startFast();
        RawHttp.Reply reply = RawHttp.send(server.port(), "GET", target);
        assertTrue(Set.of(400, 404).contains(reply.status()), target + " -> " + reply.status());
        assertFalse(reply.text().contains("SECRET"), target);
    }

    @Test
    void symbolicLinksOutOfDirAreNotServed() throws IOException {
        Path linkedFile = dir.resolve("zz/zz.gif");
        Files.createDirectories(linkedFile.getParent());
        try {
            Files.createSymbolicLink(linkedFile, outside.resolve("secret.gif"));
            Files.createSymbolicLink(dir.resolve("yy"), Files.createDirectories(outside.resolve("yy")));
            Files.writeString(outside.resolve("yy/yy.gif"), "SECRET outside DIR");
            Files.createDirectories(dir.resolve("ok"));
            Files.createSymbolicLink(dir.resolve("ok/ok.gif"), dir.resolve("br/br.gif"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("cannot create symbolic links here: " + e);
        }
        FlagServer server = startFast();
        for (String path : List.of("/zz/zz.gif", "/yy/yy.gif")) {
            try (Response r = call(get(server, path))) {
                assertEquals(404, r.code(), path);
                assertFalse(r.body().string().contains("SECRET"), path);
            }
        }
        try (Response r = call(get(server, "/ok/ok.gif"))) {
            assertEquals(200, r.code(), "a link that stays inside DIR is fine");
            assertArrayEquals(SampleDir.gif("br"), r.body().bytes());
        }
    }

    // ---- delays ---------------------------------------------------------------------------------

    @Test
    void everyAnswerWaitsForTheDelay() throws IOException {
        FlagServer server = start(0.3, 0, 0, 418, null);
        List<Request> requests = List.of(
                get(server, "/br/br.gif"),
                get(server, "/xx/xx.gif"),
                new Request.Builder()
                        .url(server.baseUrl() + "/br/br.gif")
                        .delete()
                        .build());
        List<Integer> expected = List.of(200, 404, 405);
        for (int i = 0; i < requests.size(); i++) {
            long t0 = System.nanoTime();
            try (Response r = call(requests.get(i))) {
                r.body().bytes();
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertEquals(expected.get(i), r.code());
                // Never before the delay; the upper bound only catches a delay read in the wrong unit.
                assertTrue(ms >= 300 && ms < 10_000, r.code() + " answered after " + ms + " ms");
            }
        }
    }

    @Test
    void jitterAddsAtMostItsValue() throws IOException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        FlagServer server = FlagServer.start(
                new ServerConfig(
                        "127.0.0.1",
                        0,
                        dir,
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        0,
                        418,
                        OptionalLong.of(1)),
                FlagSource.directory(dir),
                log::add);
        servers.add(server);
        List<Long> applied = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            try (Response r = call(get(server, "/br/br.gif"))) {
                r.body().bytes();
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            // The log line is written when the answer completes, just before the client sees its end.
            assertTimeoutPreemptively(EVENT_LIMIT, () -> {
                while (log.size() <= applied.size()) {
                    Thread.sleep(1); // not a spin: on a busy machine it would take the CPU the server needs
                }
            });
            Matcher m = Pattern.compile(" delay=(\\d+)\\.(\\d{3})s ").matcher(log.get(applied.size()));
            assertTrue(m.find(), log.toString());
            long delayMs = Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2));
            applied.add(delayMs);
            assertTrue(tookMs >= delayMs, "answered after " + tookMs + " ms, before its delay of " + delayMs + " ms");
        }
        assertTrue(applied.stream().allMatch(ms -> ms >= 100 && ms <= 300), "delay + up to 0.2 s: " + applied);
        assertTrue(applied.stream().distinct().count() > 5, "jitter varies: " + applied);
    }

    // ---- errors ---------------------------------------------------------------------------------

    private List<Integer> statuses(FlagServer server, int n) throws IOException {
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try (Response r = call(get(server, i % 2 == 0 ? "/br/br.gif" : "/cn/metadata.json"))) {
                r.body().bytes();
                codes.add(r.code());
            }
        }
        return codes;
    }

    @Test
    void aSeedMakesTheErrorSequenceReproducible() throws IOException {
        List<Integer> first = statuses(start(0, 0, 0.5, 418, 42L), 40);
        List<Integer> second = statuses(start(0, 0, 0.5, 418, 42L), 40);
        assertEquals(first, second);
        assertTrue(first.contains(200) && first.contains(418), first.toString());
        assertEquals(Set.of(200, 418), Set.copyOf(first));
        List<Integer> other = statuses(start(0, 0, 0.5, 418, 43L), 40);
        assertNotEquals(first, other, "another seed, another sequence");
    }

    @Test
    void rateOneAlwaysAnswersTheErrorStatus() throws IOException {
        FlagServer server = start(0, 0, 1, 418, null);
        assertEquals(List.of(418, 418, 418, 418, 418, 418, 418, 418, 418, 418), statuses(server, 10));
        try (Response r = call(get(server, "/br/br.gif"))) {
            assertEquals(418, r.code());
            assertTrue(r.header("Content-Type").startsWith("text/plain"));
            assertTrue(r.body().string().startsWith("418 "));
        }
        try (Response r = call(get(server, "/xx/xx.gif"))) {
            assertEquals(418, r.code(), "404s can fail too");
        }
    }

    @Test
    void rateZeroNeverAnswersAnError() throws IOException {
        assertEquals(Set.of(200), Set.copyOf(statuses(start(0, 0, 0, 418, null), 30)));
    }

    @Test
    void theErrorStatusIsConfigurable() throws IOException {
        FlagServer server = start(0, 0, 1, 503, null);
        try (Response r = call(get(server, "/br/br.gif"))) {
            assertEquals(503, r.code());
        }
    }

    // ---- other stores ---------------------------------------------------------------------------

    @Test
    void servesFromAClasspathPrefixInsideAJar() throws IOException {
        Path jar = root.resolve("sample.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (String cc : List.of("br", "fr")) {
                out.putNextEntry(new JarEntry("sample/" + cc + "/" + cc + ".gif"));
                out.write(SampleDir.gif(cc));
                out.putNextEntry(new JarEntry("sample/" + cc + "/metadata.json"));
                out.write(SampleDir.json(cc));
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            FlagServer server = FlagServer.start(
                    new ServerConfig("127.0.0.1", 0, null, Duration.ZERO, Duration.ZERO, 0, 418, OptionalLong.empty()),
                    FlagSource.classpath(loader, "sample/"),
                    null);
            servers.add(server);
            for (int i = 0; i < 2; i++) { // the second time from the cache
                try (Response r = call(get(server, "/fr/fr.gif"))) {
                    assertEquals(200, r.code());
                    assertEquals("image/gif", r.header("Content-Type"));
                    assertArrayEquals(SampleDir.gif("fr"), r.body().bytes());
                }
            }
            try (Response r = call(new Request.Builder()
                    .url(server.baseUrl() + "/br/metadata.json")
                    .head()
                    .build())) {
                assertEquals(200, r.code());
                assertEquals(String.valueOf(SampleDir.json("br").length), r.header("Content-Length"));
            }
            try (Response r = call(get(server, "/cn/cn.gif"))) {
                assertEquals(404, r.code());
            }
            try (Response r = call(new Request.Builder()
                    .url(server.baseUrl() + "/fr/fr.gif")
                    .delete()
                    .build())) {
                assertEquals(405, r.code());
            }
        }
    }

    @Test
    void withoutDirServesTheBundledSample() throws IOException {
        String gif = FlagServer.BUNDLED_SAMPLE + "br/br.gif";
        URL resource = FlagServer.class.getClassLoader().getResource(gif);
        Assumptions.assumeTrue(resource != null, "flags-sample/ is not on the classpath yet");
        byte[] expected;
        try (var in = resource.openStream()) {
            expected = in.readAllBytes();
        }
        FlagServer server = FlagServer.start(ServerConfig.embedded(Duration.ZERO, Duration.ZERO, 0));
        servers.add(server);
        try (Response r = call(get(server, "/br/br.gif"))) {
            assertEquals(200, r.code());
            assertArrayEquals(expected, r.body().bytes());
        }
    }

    // ---- start and stop -------------------------------------------------------------------------

    @Test
    void aMissingDirIsRejectedAtStart() {
        Path missing = root.resolve("missing");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FlagServer.start(new ServerConfig(
                        "127.0.0.1", 0, missing, Duration.ZERO, Duration.ZERO, 0, 418, OptionalLong.empty())));
        assertEquals("not a directory: " + missing, e.getMessage());
    }

    @Test
    void aPortInUseIsOneClearIOException() throws IOException {
        FlagServer first = startFast();
        IOException e = assertThrows(
                IOException.class,
                () -> FlagServer.start(new ServerConfig(
                        "127.0.0.1", first.port(), dir, Duration.ZERO, Duration.ZERO, 0, 418, OptionalLong.empty())));
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + first.port() + ": "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("in use"), e.getMessage());
    }

    @Test
    void closeStopsQuicklyWithRequestsWaitingAndFreesThePort() throws Exception {
        FlagServer server = start(30, 0, 0, 418, null);
        int port = server.port();
        CountDownLatch failed = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            enqueue(get(server, "/br/br.gif"), failed::countDown, () -> {});
        }
        assertTimeoutPreemptively(EVENT_LIMIT, () -> {
            while (server.waiting() < 5) {
                Thread.sleep(1); // not a spin: on a busy machine it would take the CPU the server needs
            }
        });
        assertTrue(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.getName().startsWith(FlagServer.THREAD_NAME_PREFIX) && t.isAlive()),
                "server threads are running before close, so the check below means something");
        long t0 = System.nanoTime();
        server.close();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // The promise is a second, measured by bench/ctrlc.sh; ten times that here, for a busy machine, is still
        // far from the 30 s the waiting requests would take.
        assertTrue(ms < 10_000, "close took " + ms + " ms");
        assertTrue(failed.await(EVENT_LIMIT.toMillis(), TimeUnit.MILLISECONDS), "waiting requests end when it stops");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(FlagServer.THREAD_NAME_PREFIX)) {
                t.join(EVENT_LIMIT.toMillis());
                assertFalse(t.isAlive(), "still running: " + t.getName());
            }
        }
        server.close(); // idempotent
        server.join(); // returns at once once closed
    }

    @Test
    void serverThreadsAreDaemons() throws IOException {
        FlagServer server = startFast();
        try (Response r = call(get(server, "/br/br.gif"))) { // a request, so the pool has worked too
            assertEquals(200, r.code());
        }
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(FlagServer.THREAD_NAME_PREFIX))
                .toList();
        // The acceptor, the selector and the scheduler at least.
        assertTrue(threads.size() >= 3, "server threads found: " + threads);
        for (Thread t : threads) {
            assertTrue(t.isDaemon(), t.getName());
        }
    }

    @Test
    void theAccessLogHasOneCommonLogLinePerAnswerWithDelayAndRequestsInFlight() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        FlagServer server = FlagServer.start(
                new ServerConfig(
                        "127.0.0.1", 0, dir, Duration.ofMillis(500), Duration.ZERO, 0, 418, OptionalLong.empty()),
                FlagSource.directory(dir),
                log::add);
        servers.add(server);
        CountDownLatch answered = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            enqueue(get(server, i < 4 ? "/br/br.gif" : "/xx/xx.gif"), answered::countDown, answered::countDown);
        }
        assertTrue(answered.await(EVENT_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        assertTimeoutPreemptively(EVENT_LIMIT, () -> {
            while (log.size() < 5) {
                Thread.sleep(1); // not a spin: on a busy machine it would take the CPU the server needs
            }
        });
        Pattern line =
                Pattern.compile("127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] "
                        + "\"GET /flags/(br/br\\.gif|xx/xx\\.gif) HTTP/1\\.1\" (200 " + SampleDir.gif("br").length
                        + "|404 14) delay=0\\.500s in-flight=([1-5])");
        List<Integer> inFlight = new ArrayList<>();
        for (String l : log) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), l);
            inFlight.add(Integer.parseInt(m.group(3)));
        }
        // OkHttp sends all five at once and each waits 0.5 s: the first answer leaves with five in flight.
        assertEquals(5, inFlight.stream().mapToInt(Integer::intValue).max().orElseThrow(), log.toString());
        assertEquals(0, server.inFlight());
    }

    @Test
    void theBoundAddressIsTheOneResolved() throws IOException {
        FlagServer server = FlagServer.start(
                new ServerConfig("localhost", 0, dir, Duration.ZERO, Duration.ZERO, 0, 418, OptionalLong.empty()));
        servers.add(server);
        assertTrue(
                server.address().getAddress().isLoopbackAddress(),
                server.address().toString());
        assertEquals(server.port(), server.address().getPort());
        assertEquals(
                server.address().getAddress().getHostAddress(),
                server.baseUrl().getHost().replaceAll("^\\[|]$", ""));
    }

    @Test
    void connectionsAreCappedBelowTheDescriptorLimit() throws IOException {
        FlagServer server = startFast();
        Descriptors here = Descriptors.ofThisProcess();
        Assumptions.assumeTrue(here.limit().isPresent(), "no descriptor limit here");
        int cap = server.connectionCap().orElseThrow();
        assertTrue(
                cap > 0
                        && cap
                                < here.limit().getAsLong()
                                        - Math.min(
                                                Descriptors.RESERVE,
                                                here.limit().getAsLong() / 4),
                "cap " + cap + " for " + here);
    }

    @Test
    void textBodiesAreShortPlainText() throws IOException {
        FlagServer server = startFast();
        try (Response r = call(get(server, "/xx/xx.gif"))) {
            assertEquals(404, r.code());
            assertEquals("404 Not Found\n", new String(r.body().bytes(), StandardCharsets.UTF_8));
        }
    }
}
