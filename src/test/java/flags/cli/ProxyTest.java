package flags.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import flags.testing.Cli;
import flags.testing.ExternalServer;
import flags.testing.FakeFlags;
import flags.testing.ForwardProxy;
import flags.testing.RawServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --proxy} and {@code --noproxy} through a real forward proxy on loopback: requests go through it (with the
 * proxy's credentials on each), the hosts {@code --noproxy} lists go around it as curl decides, the header says
 * which proxy, and a credential is never printed, whatever the output. Then the proxies Debian packages:
 * tinyproxy (HTTP, Basic credentials) and microsocks (SOCKS5, with and without credentials).
 */
@Timeout(60)
class ProxyTest {
    private static final String SECRET = "s3cr3t-pw";

    @StartStop
    final MockWebServer origin = new MockWebServer();

    @TempDir
    Path tmp;

    private String base(String host) {
        return "http://" + host + ":" + origin.getPort() + "/flags";
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void everyRequestGoesThroughTheProxyAndTheHeaderSaysSo(String command) throws Exception {
        origin.setDispatcher(FakeFlags.allFound());
        try (ForwardProxy proxy = ForwardProxy.start()) {
            Cli.Run r = Cli.run(command, "--proxy", proxy.url(null), "-s", base("127.0.0.1"), "-o", out(), "BR", "CN");

            assertEquals(0, r.exitCode(), r.err());
            assertEquals(
                    "URL site: " + base("127.0.0.1") + " via proxy http://127.0.0.1:" + proxy.port(),
                    r.out().lines().findFirst().orElseThrow());
            assertEquals(
                    List.of(base("127.0.0.1") + "/br/br.gif", base("127.0.0.1") + "/cn/cn.gif"),
                    proxy.requests().stream()
                            .map(RawServer.Request::target)
                            .sorted()
                            .toList(),
                    "absolute-form requests, through the proxy");
            assertEquals(2, origin.getRequestCount(), "the origin saw only the proxy's two requests");
        }
    }

    @Test
    void proxyCredentialsGoWithEveryRequestAndAreNeverPrinted() throws Exception {
        origin.setDispatcher(FakeFlags.allFound());
        try (ForwardProxy proxy = ForwardProxy.start("user", SECRET)) {
            String url = proxy.url("user:" + SECRET);
            List<Cli.Run> runs = List.of(
                    Cli.run("seq", "--proxy", url, "-s", base("127.0.0.1"), "-o", out(), "-v", "BR", "CN"),
                    Cli.run("async", "--proxy", url, "-s", base("127.0.0.1"), "-o", out(), "--format", "json", "BR"),
                    Cli.run("threads", "--proxy", url, "-s", base("127.0.0.1"), "-o", out(), "--debug", "BR"),
                    Cli.run("nio", "--proxy", url, "-s", base("127.0.0.1"), "-o", out(), "-v", "BR"));

            String basic =
                    "Basic " + Base64.getEncoder().encodeToString(("user:" + SECRET).getBytes(StandardCharsets.UTF_8));
            assertAll(Stream.concat(
                    runs.stream().map(r -> () -> {
                        assertEquals(0, r.exitCode(), r.err());
                        assertNoSecret(r);
                    }),
                    Stream.of(
                            () -> assertEquals(5, proxy.requests().size(), "every request went through the proxy"),
                            () -> assertTrue(
                                    proxy.requests().stream()
                                            .allMatch(q -> basic.equals(q.header("Proxy-Authorization"))),
                                    "each with the proxy's credentials, not only after a 407"),
                            () -> assertTrue(
                                    runs.get(0)
                                            .out()
                                            .startsWith("URL site: " + base("127.0.0.1")
                                                    + " via proxy http://***@127.0.0.1:" + proxy.port() + "\n"),
                                    runs.get(0).out()))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "nio"})
    void wrongProxyCredentialsAreAnErrorThatDoesNotShowThem(String command) throws Exception {
        origin.setDispatcher(FakeFlags.allFound());
        try (ForwardProxy proxy = ForwardProxy.start("user", "right")) {
            Cli.Run r = Cli.run(
                    command,
                    "--proxy",
                    proxy.url("user:" + SECRET),
                    "-s",
                    base("127.0.0.1"),
                    "-o",
                    out(),
                    "-v",
                    "--retries",
                    "0",
                    "BR");

            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("BR error: HTTP 407 Proxy Authentication Required"), r.out());
            assertNoSecret(r);
            assertEquals(0, origin.getRequestCount());
        }
    }

    @Test
    void aCredentialInTheServerUrlIsSentAndNeverPrinted() throws Exception {
        origin.setDispatcher(FakeFlags.allFound().status("XX", 404).status("ZZ", 500));
        String site = "http://user:" + SECRET + "@127.0.0.1:" + origin.getPort() + "/flags";
        List<Cli.Run> runs = List.of(
                Cli.run("seq", "-s", site, "-o", out(), "-v", "--retries", "0", "BR", "XX", "ZZ"),
                Cli.run("async", "-s", site, "-o", out(), "--format", "json", "--retries", "0", "BR", "XX", "ZZ"),
                Cli.run("threads", "-s", site, "-o", out(), "--debug", "--retries", "0", "BR", "XX", "ZZ"),
                Cli.run("nio", "-s", site, "-o", out(), "-v", "--retries", "0", "BR", "XX", "ZZ"));

        for (Cli.Run r : runs) {
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertNoSecret(r);
        }
        assertTrue(
                runs.get(0).out().startsWith("URL site: http://***@127.0.0.1:" + origin.getPort() + "/flags\n"),
                runs.get(0).out());
        assertTrue(
                runs.get(0).out().contains("XX not found: http://***@127.0.0.1:"),
                runs.get(0).out());
        assertTrue(
                runs.get(1).out().contains("\"url\": \"http://***@127.0.0.1:"),
                runs.get(1).out());
        assertEquals(
                "Basic " + Base64.getEncoder().encodeToString(("user:" + SECRET).getBytes(StandardCharsets.UTF_8)),
                origin.takeRequest().getHeaders().get("Authorization"),
                "the server gets the credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"socks5://127.0.0.1:1080", "socks5h://user:pw@127.0.0.1:1080"})
    void nioRefusesASocksProxyBeforeAnythingIsDownloaded(String proxy) throws Exception {
        origin.setDispatcher(FakeFlags.allFound());
        Cli.Run r = Cli.run("nio", "--proxy", proxy, "-s", base("127.0.0.1"), "-o", out(), "BR");

        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        assertTrue(r.err().lines().findFirst().orElseThrow().contains("nio cannot use a SOCKS proxy"), r.err());
        assertEquals(0, origin.getRequestCount());
        assertFalse(Files.exists(Path.of(out())), "the output directory is not created");
    }

    /**
     * curl's {@code --noproxy} matching, with the cases its users found broken: an address followed by a comma,
     * CIDR ranges, tail matching only on a dot boundary, trailing and leading dots, {@code *}, and {@code ''} for
     * "proxy everything".
     */
    static Stream<Arguments> noProxyLists() {
        return Stream.of(
                Arguments.of("127.0.0.1", "127.0.0.1", false),
                Arguments.of("127.0.0.1", "127.0.0.1,localhost", false),
                Arguments.of("127.0.0.1", "localhost,127.0.0.1", false),
                Arguments.of("127.0.0.1", "localhost, 127.0.0.1", false),
                Arguments.of("127.0.0.1", "127.0.0.0/8", false),
                Arguments.of("127.0.0.1", "10.0.0.0/8,127.0.0.0/8,192.168.0.0/16", false),
                Arguments.of("127.0.0.1", "127.0.0.2", true),
                Arguments.of("127.0.0.1", "127.0.0", true),
                Arguments.of("127.0.0.1", "10.0.0.0/8", true),
                Arguments.of("localhost", "localhost", false),
                Arguments.of("localhost", "LOCALHOST", false),
                Arguments.of("localhost", ".localhost", false),
                Arguments.of("localhost", "localhost.", false),
                Arguments.of("localhost", "example.com,.example.de,localhost", false),
                Arguments.of("localhost", "calhost", true),
                Arguments.of("localhost", "localhost.example.com", true),
                Arguments.of("localhost", "*", false),
                Arguments.of("localhost", "", true));
    }

    @ParameterizedTest(name = "{0} with --noproxy ''{1}'': proxied {2}")
    @MethodSource("noProxyLists")
    void noproxyDecidesAsCurlDoes(String host, String list, boolean proxied) throws Exception {
        origin.setDispatcher(FakeFlags.allFound());
        try (ForwardProxy proxy = ForwardProxy.start()) {
            Cli.Run r =
                    Cli.run("seq", "--proxy", proxy.url(null), "--noproxy", list, "-s", base(host), "-o", out(), "BR");

            assertEquals(0, r.exitCode(), r.err());
            assertEquals(proxied ? 1 : 0, proxy.requests().size(), "requests through the proxy");
            assertEquals(proxied, r.out().lines().findFirst().orElseThrow().contains(" via proxy "), r.out());
        }
    }

    // ---- Debian's proxies ----

    @Test
    void throughTinyproxyWithBasicCredentials() throws Exception {
        Optional<Path> tinyproxy = ExternalServer.find("/usr/bin/tinyproxy", "/usr/sbin/tinyproxy");
        assumeTrue(tinyproxy.isPresent(), "tinyproxy is not installed");
        origin.setDispatcher(FakeFlags.allFound());
        try (ExternalServer proxy = ExternalServer.start(
                "tinyproxy",
                tmp,
                port -> List.of(
                        tinyproxy.get().toString(),
                        "-d",
                        "-c",
                        write(
                                        "tinyproxy-" + port + ".conf",
                                        String.join(
                                                "\n",
                                                "Port " + port,
                                                "Listen 127.0.0.1",
                                                "Timeout 30",
                                                "MaxClients 50",
                                                "Allow 127.0.0.1",
                                                "BasicAuth user " + SECRET,
                                                "LogLevel Error",
                                                ""))
                                .toString()))) {
            for (String command : List.of("seq", "threads", "async", "nio")) {
                Cli.Run ok = Cli.run(
                        command,
                        "--proxy",
                        "http://user:" + SECRET + "@127.0.0.1:" + proxy.port(),
                        "-s",
                        base("127.0.0.1"),
                        "-o",
                        out(),
                        "-v",
                        "--retries",
                        "0",
                        "BR",
                        "CN",
                        "IN");
                assertEquals(0, ok.exitCode(), ok.out() + ok.err() + proxy.output());
                assertNoSecret(ok);
            }
            Cli.Run refused = Cli.run(
                    "seq",
                    "--proxy",
                    "http://127.0.0.1:" + proxy.port(),
                    "-s",
                    base("127.0.0.1"),
                    "-o",
                    out(),
                    "-v",
                    "--retries",
                    "0",
                    "BR");
            assertTrue(refused.out().contains("BR error: HTTP 407"), refused.out());
            assertEquals(12, origin.getRequestCount(), "tinyproxy forwarded the twelve requests with credentials only");
        }
    }

    @ParameterizedTest(name = "credentials: {0}")
    @ValueSource(booleans = {false, true})
    void throughMicrosocks(boolean credentials) throws Exception {
        Optional<Path> microsocks = ExternalServer.find("/usr/bin/microsocks");
        assumeTrue(microsocks.isPresent(), "microsocks is not installed");
        origin.setDispatcher(FakeFlags.allFound());
        try (ExternalServer proxy = ExternalServer.start("microsocks", tmp, port -> {
            List<String> command = new ArrayList<>(
                    List.of(microsocks.get().toString(), "-i", "127.0.0.1", "-p", Integer.toString(port)));
            if (credentials) {
                command.addAll(List.of("-u", "user", "-P", SECRET));
            }
            return command;
        })) {
            String url = "socks5://" + (credentials ? "user:" + SECRET + "@" : "") + "127.0.0.1:" + proxy.port();
            for (String command : List.of("seq", "threads", "async")) {
                Cli.Run r = Cli.run(
                        command,
                        "--proxy",
                        url,
                        "-s",
                        base("127.0.0.1"),
                        "-o",
                        out(),
                        "-v",
                        "--retries",
                        "0",
                        "BR",
                        "CN",
                        "IN");
                assertEquals(0, r.exitCode(), r.out() + r.err() + proxy.output());
                assertTrue(
                        r.out()
                                .startsWith("URL site: " + base("127.0.0.1") + " via proxy socks5://"
                                        + (credentials ? "***@" : "") + "127.0.0.1:" + proxy.port() + "\n"),
                        r.out());
                assertNoSecret(r);
            }
            assertEquals(9, origin.getRequestCount());
            if (credentials) {
                Cli.Run wrong = Cli.run(
                        "seq",
                        "--proxy",
                        "socks5://user:wrong@127.0.0.1:" + proxy.port(),
                        "-s",
                        base("127.0.0.1"),
                        "-o",
                        out(),
                        "-v",
                        "--retries",
                        "2",
                        "BR");
                assertEquals(1, wrong.exitCode(), wrong.out());
                assertTrue(wrong.out().contains("BR error: SOCKS proxy refused the credentials"), wrong.out());
                assertFalse(wrong.out().contains("wrong") || wrong.err().contains("wrong"), wrong.out() + wrong.err());
                assertEquals(9, origin.getRequestCount());
            }
        }
        assertEquals(null, Authenticator.getDefault(), "the SOCKS login is uninstalled after the batch");
    }

    private static void assertNoSecret(Cli.Run r) {
        String base64 = Base64.getEncoder().encodeToString(("user:" + SECRET).getBytes(StandardCharsets.UTF_8));
        for (String text : List.of(r.out(), r.err())) {
            assertFalse(text.contains(SECRET) || text.contains(base64), "a credential was printed:\n" + text);
        }
    }

    private String out() {
        return tmp.resolve("out").toString();
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(tmp.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
