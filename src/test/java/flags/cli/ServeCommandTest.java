package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.server.FlagServer;
import flags.server.ServerConfig;
import flags.testing.Signals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = FlagsCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static void assertUsageError(Result r, String expectedFirstLine) {
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals(expectedFirstLine, r.errLines().get(0));
        assertEquals(
                List.of(expectedFirstLine, "Try 'flags serve --help' for more information."),
                r.errLines(),
                "one line and the usage hint");
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--delay|-1|flags serve: --delay: expected seconds >= 0, got '-1'",
                "--delay|abc|flags serve: --delay: expected seconds such as 0.5, got 'abc'",
                "--jitter|-0.5|flags serve: --jitter: expected seconds >= 0, got '-0.5'",
                "--error-rate|1.5|flags serve: --error-rate: expected a probability 0..1, got '1.5'",
                "--error-rate|-0.1|flags serve: --error-rate: expected a probability 0..1, got '-0.1'",
                "--error-status|99|flags serve: --error-status: expected a final HTTP status 200..599, got '99'",
                "--port|70000|flags serve: --port: expected 0..65535, got '70000'",
                "--header-timeout|0|flags serve: --header-timeout: expected seconds > 0, got '0'",
                "--header-timeout|-1|flags serve: --header-timeout: expected seconds > 0, got '-1'",
            })
    void badOptionsAreOneLineUsageErrors(String option, String value, String expected) {
        assertUsageError(
                option.equals("--port") ? run("serve", option, value) : run("serve", "--port", "0", option, value),
                expected);
    }

    @Test
    void aNonNumericRateIsAUsageError() {
        Result r = run("serve", "--error-rate", "lots");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("", r.out());
        assertTrue(r.errLines().get(0).startsWith("flags serve: --error-rate: expected a number, got 'lots'"), r.err());
    }

    @Test
    void aMissingDirIsAUsageError() {
        Path missing = dir.resolve("nope");
        assertUsageError(
                run("serve", "--port", "0", "--dir", missing.toString()), "flags serve: not a directory: " + missing);
    }

    @Test
    void aPortInUseIsAUsageError() throws IOException {
        try (FlagServer busy = FlagServer.start(ServerConfig.embedded(Duration.ZERO, Duration.ZERO, 0))) {
            Result r = run("serve", "--port", String.valueOf(busy.port()), "--dir", dir.toString());
            assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
            assertEquals("", r.out());
            assertTrue(
                    r.errLines().get(0).startsWith("flags serve: cannot listen on 127.0.0.1:" + busy.port() + ": "),
                    r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void helpListsTheOptions() {
        Result r = run("serve", "--help");
        assertEquals(0, r.exit());
        for (String option : List.of(
                "--port",
                "--bind",
                "--dir",
                "--delay",
                "--jitter",
                "--error-rate",
                "--error-status",
                "--seed",
                "--header-timeout",
                "-v, --access-log")) {
            assertTrue(r.out().contains(option), option);
        }
    }

    /** A Writer that lets a test wait, without polling, for the first complete line. */
    private static final class FirstLineWriter extends Writer {
        private final StringBuffer text = new StringBuffer();
        private final CountDownLatch firstLine = new CountDownLatch(1);

        @Override
        public void write(char[] buf, int off, int len) {
            text.append(buf, off, len);
            if (text.indexOf("\n") >= 0) {
                firstLine.countDown();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }

        String awaitFirstLine() throws InterruptedException {
            assertTrue(firstLine.await(10, TimeUnit.SECONDS), "no line printed: " + text);
            return text.toString().lines().findFirst().orElseThrow();
        }
    }

    /** Runs {@code flags serve ...} in a thread, as the real command line does, until interrupted. */
    private static final class Running implements AutoCloseable {
        final FirstLineWriter out = new FirstLineWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exit = new AtomicInteger(-1);
        final Thread thread;

        Running(String... args) {
            CommandLine cl = FlagsCommand.newCommandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exit.set(cl.execute(args)), "serve-command-test");
            thread.start();
        }

        /** Interrupts the command, as Ctrl-C would release it, and returns its exit status. */
        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(thread.isAlive(), "serve did not stop");
            return exit.get();
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                stop();
            }
        }
    }

    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/flags");

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesTheBundledSampleUntilInterrupted() throws Exception {
        try (Running serve = new Running("serve", "--port", "0")) {
            String line = serve.out.awaitFirstLine();
            Matcher m = URL.matcher(line);
            assertTrue(m.find(), line);
            assertEquals(
                    "Serving flags-sample on " + m.group() + " (delay 0.5s + up to 0.5s jitter, error rate 0%)", line);
            int port = Integer.parseInt(m.group(1));

            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = get(m.group() + "/qq/qq.gif");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(404, r.statusCode());
            assertTrue(ms >= 500 && ms < 3000, "default delay: " + ms + " ms");

            long s0 = System.nanoTime();
            assertEquals(ExitCodes.INTERRUPTED, serve.stop());
            long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s0);
            assertTrue(stopMs < 1000, "stopped in " + stopMs + " ms");
            assertEquals("", serve.err.toString());
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "port released");
        }
    }

    @Test
    void servesADirWithItsOptions() throws Exception {
        Files.createDirectories(dir.resolve("br"));
        Files.write(dir.resolve("br/br.gif"), "GIF89a br".getBytes(StandardCharsets.US_ASCII));
        try (Running serve = new Running(
                "serve",
                "--port",
                "0",
                "--dir",
                dir.toString(),
                "--delay",
                "0",
                "--jitter",
                "0.05",
                "--error-rate",
                "0.5",
                "--error-status",
                "503",
                "--seed",
                "7")) {
            String line = serve.out.awaitFirstLine();
            Matcher m = URL.matcher(line);
            assertTrue(m.find(), line);
            assertEquals(
                    "Serving " + dir.toAbsolutePath().normalize() + " on " + m.group()
                            + " (delay 0s + up to 0.05s jitter, error rate 50% answered 503, seed 7)",
                    line);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                HttpResponse<byte[]> r = get(m.group() + "/br/br.gif");
                statuses.add(r.statusCode());
                if (r.statusCode() == 200) {
                    assertEquals("GIF89a br", new String(r.body(), StandardCharsets.US_ASCII));
                }
            }
            assertTrue(statuses.contains(200) && statuses.contains(503), statuses.toString());
            assertEquals(ExitCodes.INTERRUPTED, serve.stop());
        }
    }

    /** The real process: Ctrl-C (SIGINT) runs the shutdown hook, which stops the server; the JVM exits 130. */
    @Test
    void ctrlCStopsTheProcessPromptly() throws Exception {
        Files.createDirectories(dir.resolve("br"));
        Files.write(dir.resolve("br/br.gif"), "GIF89a br".getBytes(StandardCharsets.US_ASCII));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(Signals.withDefaultSigint(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FlagsCommand.class.getName(),
                        "serve",
                        "--port",
                        "0",
                        "--dir",
                        dir.toString(),
                        "--delay",
                        "60"))) // far past any bound below: a server waiting out its requests fails
                .redirectErrorStream(false)
                .start();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            Matcher m = URL.matcher(String.valueOf(line));
            assertTrue(m.find(), "banner: " + line);
            var waiting = CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create(m.group() + "/br/br.gif")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long t0 = System.nanoTime();
            assertEquals(
                    0,
                    new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                            .start()
                            .waitFor());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running after SIGINT");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(ExitCodes.INTERRUPTED, process.exitValue());
            // The promise is a second, measured by bench/ctrlc.sh; here a bound ten times that, which a busy
            // machine stays under and a server that waits out its request's delay does not.
            assertTrue(ms < 10_000, "stopped " + ms + " ms after SIGINT");
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            // On a busy machine Jetty can take longer than the server's own stop limit, and both say so; anything
            // else on stderr is noise.
            assertEquals(
                    List.of(),
                    err.lines()
                            .filter(l -> !l.contains("did not stop within") && !l.contains("Couldn't stop Thread"))
                            .toList(),
                    err);
            assertThrows(
                    ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS), "the waiting request is dropped");
        } finally {
            process.destroyForcibly();
        }
    }

    // ---- where it listens ------------------------------------------------------------------------

    private static final ServerConfig DEFAULTS = new ServerConfig(
            "127.0.0.1", 8001, null, Duration.ofMillis(500), Duration.ofMillis(500), 0, 418, OptionalLong.empty());

    @Test
    void theBannerShowsTheAddressBoundAndSaysSoForAWildcard() throws Exception {
        assertEquals(
                "Serving flags-sample on http://127.0.0.1:8001/flags (delay 0.5s + up to 0.5s jitter, error rate 0%)",
                ServeCommand.banner(
                        DEFAULTS,
                        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8001),
                        URI.create("http://127.0.0.1:8001/flags")));
        assertEquals(
                "Serving flags-sample on 0.0.0.0:8001, every interface, as http://localhost:8001/flags from this "
                        + "machine (delay 0.5s + up to 0.5s jitter, error rate 0%)",
                ServeCommand.banner(
                        DEFAULTS,
                        new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8001),
                        URI.create("http://localhost:8001/flags")));
        assertTrue(ServeCommand.banner(
                        DEFAULTS,
                        new InetSocketAddress(InetAddress.getByName("::"), 8001),
                        URI.create("http://localhost:8001/flags"))
                .startsWith("Serving flags-sample on [::]:8001, every interface"));
    }

    @Test
    void anythingButLoopbackIsReachableFromTheNetworkAndSaysSo() throws Exception {
        for (String loopback : List.of("127.0.0.1", "127.0.0.2", "::1")) {
            assertEquals(
                    Optional.empty(),
                    ServeCommand.bindWarning(new InetSocketAddress(InetAddress.getByName(loopback), 8001)),
                    loopback);
        }
        assertEquals(
                "0.0.0.0:8001 is every interface: the server is reachable from the network",
                ServeCommand.bindWarning(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 8001))
                        .orElseThrow());
        assertEquals(
                "[::]:8001 is every interface: the server is reachable from the network",
                ServeCommand.bindWarning(new InetSocketAddress(InetAddress.getByName("::"), 8001))
                        .orElseThrow());
        assertEquals(
                "192.168.1.5:8001 is not loopback: the server is reachable from the network",
                ServeCommand.bindWarning(new InetSocketAddress(InetAddress.getByName("192.168.1.5"), 8001))
                        .orElseThrow());
    }

    /** A real wildcard bind, for as long as it takes to read the banner and the warning. */
    @Test
    void aWildcardBindWarnsOnStderr() throws Exception {
        try (Running serve = new Running("serve", "--port", "0", "--bind", "0.0.0.0")) {
            String line = serve.out.awaitFirstLine();
            Matcher m = Pattern.compile("^Serving flags-sample on (0\\.0\\.0\\.0|\\[::]):(\\d+), every interface, as "
                            + "http://localhost:(\\d+)/flags from this machine \\(")
                    .matcher(line);
            assertTrue(m.find(), line);
            assertEquals(m.group(2), m.group(3));
            assertEquals(
                    200,
                    get("http://127.0.0.1:" + m.group(2) + "/flags/br/metadata.json")
                            .statusCode());
            assertEquals(ExitCodes.INTERRUPTED, serve.stop());
            assertEquals(
                    "flags serve: warning: " + m.group(1) + ":" + m.group(2)
                            + " is every interface: the server is reachable from the network\n",
                    serve.err.toString().replace("\r", ""));
        }
    }

    @Test
    void dashVPrintsOneAccessLogLinePerAnswer() throws Exception {
        try (Running serve = new Running("serve", "--port", "0", "-v", "--delay", "0.1", "--jitter", "0")) {
            Matcher url = URL.matcher(serve.out.awaitFirstLine());
            assertTrue(url.find());
            assertEquals(200, get(url.group() + "/br/br.gif").statusCode());
            assertEquals(404, get(url.group() + "/qq/qq.gif").statusCode());
            assertEquals(ExitCodes.INTERRUPTED, serve.stop());
            List<String> lines = serve.out.toString().lines().toList();
            assertEquals(3, lines.size(), lines.toString());
            String clf = "127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] ";
            assertTrue(
                    lines.get(1)
                            .matches(clf + "\"GET /flags/br/br\\.gif HTTP/1\\.1\" 200 \\d+ delay=0\\.100s in-flight=1"),
                    lines.get(1));
            assertTrue(
                    lines.get(2)
                            .matches(clf + "\"GET /flags/qq/qq\\.gif HTTP/1\\.1\" 404 14 delay=0\\.100s in-flight=1"),
                    lines.get(2));
            assertEquals("", serve.err.toString());
        }
    }
}
