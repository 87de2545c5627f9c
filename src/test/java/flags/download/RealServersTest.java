package flags.download;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import flags.input.Countries;
import flags.testing.ExternalServer;
import flags.testing.RawServer;
import flags.testing.SampleSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy against the servers people really point it at, serving a copy of {@code flags-sample/}: the
 * book's {@code python3 -m http.server} (HTTP/1.0, one connection per answer), servers that drop idle
 * connections far sooner than the client would (at once, and after 1 ms), and the web servers Debian packages
 * (nginx, lighttpd, busybox httpd, apache2), each set to end connections often. With {@code --retries 0}, all
 * 194 codes must be saved, byte for byte, in one attempt each (two with {@code --names}): a connection the server
 * closed is never an error nor an attempt. A program that is not installed skips its test.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(value = 10, unit = TimeUnit.MINUTES) // a case runs 194 codes per strategy: a busy machine is slow
class RealServersTest {
    private static final List<String> ALL = Countries.codes();

    /**
     * A request here ends in milliseconds unless the machine is busy: then a server slow to accept lets its short
     * backlog overflow and a dropped SYN is sent again after 1, 3, 7, 15, 31 s, and a request that times out is an
     * error this test cannot tell from the client's. Past this limit only a hang is left.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    static Path site;

    @BeforeAll
    static void copySample() throws IOException {
        site = SampleSite.create(work.resolve("site"));
    }

    /** A server over {@link #site} and the base URL of its flags. */
    interface Running extends AutoCloseable {
        HttpUrl base();

        @Override
        void close() throws Exception;
    }

    @FunctionalInterface
    interface Launcher {
        Running start(Path work, Path site) throws Exception;
    }

    /**
     * A server and the {@code -m} to use with it. Python's {@code http.server} listens with a backlog of 5 and
     * busybox httpd with a short one too: 30 connections opened at the same moment overflow it, the kernel drops
     * SYNs and each costs a one-second retransmission (curl -Z --parallel-max 30 did not overflow it here; our
     * 30 do, so 194 codes take 1.3 s instead of 0.4 s). They get 5. {@code flagsOnlyToo}: also a run without
     * {@code --names} (the book's server, as the book runs it); with it every code makes both requests, so the
     * other servers run only that.
     */
    record Kind(String name, int maxReq, boolean flagsOnlyToo, Launcher launcher) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Named<Kind>> servers() {
        return Stream.of(
                        new Kind("python3 -m http.server (HTTP/1.0)", 5, true, RealServersTest::python),
                        new Kind(
                                "keep-alive server closing each connection after its answer, silently",
                                30,
                                false,
                                (w, s) -> raw(s, Duration.ZERO)),
                        new Kind(
                                "keep-alive server with a 1 ms idle timeout",
                                30,
                                false,
                                (w, s) -> raw(s, Duration.ofMillis(1))),
                        new Kind("nginx (keepalive_requests 5)", 30, false, RealServersTest::nginx),
                        new Kind("lighttpd (4 requests per connection)", 30, false, RealServersTest::lighttpd),
                        new Kind("busybox httpd (Connection: close)", 5, false, RealServersTest::busybox),
                        new Kind("apache2 (KeepAliveTimeout 1ms)", 30, false, RealServersTest::apache))
                .map(k -> Named.of(k.name(), k));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void everyStrategySavesAllCodesInOneAttemptEach(Kind kind) throws Exception {
        try (Running server = kind.launcher().start(work, site)) {
            List<Executable> checks = new ArrayList<>();
            for (Named<IntFunction<Strategy>> named : Strategies.all().toList()) {
                for (boolean names : kind.flagsOnlyToo() ? new boolean[] {false, true} : new boolean[] {true}) {
                    Strategy strategy = named.getPayload().apply(kind.maxReq());
                    Path out = Files.createTempDirectory(work, strategy.name() + (names ? "-names" : ""));
                    List<DownloadResult> results =
                            BatchHarness.run(strategy, ALL, server.base(), out, 0, names, TIMEOUT);
                    checks.add(() ->
                            allSaved(kind + " / " + strategy.name() + (names ? " --names" : ""), results, out, names));
                }
            }
            assertAll(kind.name(), checks.stream());
        }
    }

    private static void allSaved(String cell, List<DownloadResult> results, Path out, boolean names)
            throws IOException {
        Map<Status, Long> counts =
                results.stream().collect(Collectors.groupingBy(DownloadResult::status, Collectors.counting()));
        List<String> trouble = results.stream()
                .filter(r -> r.status() != Status.OK || r.attempts() != (names ? 2 : 1))
                .map(r -> r.cc() + " " + r.status().label() + " after " + r.attempts() + ": " + r.error())
                .toList();
        System.out.printf("REAL|%s|%s|%s%n", cell, counts, trouble.isEmpty() ? "all in one attempt" : trouble);
        assertEquals(ALL.size(), results.size(), cell + ": every code ends once");
        assertEquals(List.of(), trouble, cell + ": codes not saved in exactly one request each");
        for (DownloadResult r : results) {
            String cc = r.cc().toLowerCase();
            assertArrayEquals(
                    SampleSite.sample(cc + "/" + cc + ".gif"), Files.readAllBytes(r.file()), cell + ": " + cc);
            String country = JsonParser.parseString(
                            new String(SampleSite.sample(cc + "/metadata.json"), StandardCharsets.UTF_8))
                    .getAsJsonObject()
                    .get("country")
                    .getAsString();
            assertEquals(
                    names ? country.replace(' ', '_') + ".gif" : cc + ".gif",
                    r.file().getFileName().toString());
        }
        try (Stream<Path> files = Files.list(out)) {
            List<String> hidden = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
            assertTrue(hidden.isEmpty(), cell + ": temporary files left: " + hidden);
        }
    }

    // ---- the servers ----

    private static Running python(Path work, Path site) throws Exception {
        Optional<Path> python = ExternalServer.find("/usr/bin/python3", "/usr/local/bin/python3");
        assumeTrue(python.isPresent(), "python3 is not installed");
        return external(ExternalServer.start(
                "python3",
                work,
                port -> List.of(
                        python.get().toString(),
                        "-m",
                        "http.server",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--directory",
                        site.toString())));
    }

    private static Running raw(Path site, Duration idle) throws IOException {
        RawServer server = RawServer.start(idle, RawServer.files(site));
        return new Running() {
            @Override
            public HttpUrl base() {
                return server.url("/flags");
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }

    private static Running nginx(Path work, Path site) throws Exception {
        Optional<Path> nginx = ExternalServer.find("/usr/sbin/nginx");
        assumeTrue(nginx.isPresent(), "nginx is not installed");
        Path dir = Files.createDirectories(work.resolve("nginx"));
        Files.createDirectories(dir.resolve("tmp"));
        return external(ExternalServer.start("nginx", dir, port -> {
            String conf = """
                    daemon off;
                    master_process off;
                    worker_processes 1;
                    pid DIR/nginx.pid;
                    error_log DIR/error.log warn;
                    events { worker_connections 512; }
                    http {
                      access_log off;
                      client_body_temp_path DIR/tmp;
                      proxy_temp_path DIR/tmp;
                      fastcgi_temp_path DIR/tmp;
                      uwsgi_temp_path DIR/tmp;
                      scgi_temp_path DIR/tmp;
                      types { image/gif gif; application/json json; }
                      keepalive_requests 5;
                      server { listen 127.0.0.1:PORT; root SITE; }
                    }
                    """.replace("DIR", dir.toString())
                    .replace("PORT", Integer.toString(port))
                    .replace("SITE", site.toString());
            return List.of(
                    nginx.get().toString(),
                    "-p",
                    dir.toString(),
                    "-e",
                    dir.resolve("error.log").toString(),
                    "-c",
                    write(dir.resolve("nginx-" + port + ".conf"), conf).toString());
        }));
    }

    private static Running lighttpd(Path work, Path site) throws Exception {
        Optional<Path> lighttpd = ExternalServer.find("/usr/sbin/lighttpd");
        assumeTrue(lighttpd.isPresent(), "lighttpd is not installed");
        Path dir = Files.createDirectories(work.resolve("lighttpd"));
        return external(ExternalServer.start("lighttpd", dir, port -> {
            String conf = """
                    server.document-root = "SITE"
                    server.bind = "127.0.0.1"
                    server.port = PORT
                    server.errorlog = "DIR/error.log"
                    mimetype.assign = (".gif" => "image/gif", ".json" => "application/json")
                    server.max-keep-alive-requests = 4
                    server.max-keep-alive-idle = 1
                    """.replace("DIR", dir.toString())
                    .replace("PORT", Integer.toString(port))
                    .replace("SITE", site.toString());
            return List.of(
                    lighttpd.get().toString(),
                    "-D",
                    "-f",
                    write(dir.resolve("lighttpd-" + port + ".conf"), conf).toString());
        }));
    }

    private static Running busybox(Path work, Path site) throws Exception {
        Optional<Path> busybox = ExternalServer.find("/usr/bin/busybox", "/bin/busybox");
        assumeTrue(busybox.isPresent(), "busybox is not installed");
        return external(ExternalServer.start(
                "busybox-httpd",
                work,
                port -> List.of(
                        busybox.get().toString(), "httpd", "-f", "-p", "127.0.0.1:" + port, "-h", site.toString())));
    }

    private static Running apache(Path work, Path site) throws Exception {
        Optional<Path> apache = ExternalServer.find("/usr/sbin/apache2");
        Path modules = Path.of("/usr/lib/apache2/modules");
        assumeTrue(apache.isPresent() && Files.isDirectory(modules), "apache2 is not installed");
        Path dir = Files.createDirectories(work.resolve("apache2"));
        return external(ExternalServer.start("apache2", dir, port -> {
            String conf = """
                    ServerRoot DIR
                    ServerName 127.0.0.1
                    Listen 127.0.0.1:PORT
                    PidFile DIR/apache2-PORT.pid
                    ErrorLog DIR/error.log
                    LogLevel warn
                    Mutex file:DIR
                    LoadModule mpm_event_module MODULES/mod_mpm_event.so
                    LoadModule authz_core_module MODULES/mod_authz_core.so
                    LoadModule mime_module MODULES/mod_mime.so
                    User nobody
                    Group nogroup
                    TypesConfig /etc/mime.types
                    DocumentRoot SITE
                    <Directory SITE>
                      Require all granted
                    </Directory>
                    KeepAlive On
                    KeepAliveTimeout 1ms
                    """.replace("DIR", dir.toString())
                    .replace("PORT", Integer.toString(port))
                    .replace("SITE", site.toString())
                    .replace("MODULES", modules.toString());
            return List.of(
                    apache.get().toString(),
                    "-f",
                    write(dir.resolve("apache2-" + port + ".conf"), conf).toString(),
                    "-DFOREGROUND");
        }));
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Running external(ExternalServer server) {
        return new Running() {
            @Override
            public HttpUrl base() {
                return server.url("/flags");
            }

            @Override
            public void close() throws InterruptedException {
                server.close();
            }
        };
    }
}
