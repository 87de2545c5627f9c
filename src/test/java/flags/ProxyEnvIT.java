package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.FakeFlags;
import flags.testing.ForwardProxy;
import flags.testing.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy variables curl honours, set in the environment of the packaged jar: which requests go through the
 * loopback proxy, which go around it, and that a credential in {@code http_proxy} is never printed.
 */
@Timeout(120)
class ProxyEnvIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String SECRET = "env-s3cret";

    @StartStop
    final MockWebServer origin = new MockWebServer();

    @TempDir
    Path work;

    ForwardProxy proxy;

    @BeforeEach
    void start() throws Exception {
        origin.setDispatcher(FakeFlags.allFound());
        proxy = ForwardProxy.start("user", SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
    }

    private JarProcess.Result flags(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder b = JarProcess.builder(work, args);
        b.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
        b.environment().putAll(env);
        return JarProcess.run(b, LIMIT);
    }

    private String site() {
        return "http://127.0.0.1:" + origin.getPort() + "/flags";
    }

    @Test
    void httpProxyWithCredentialsCarriesEveryRequestAndTheSecretIsNeverPrinted() throws Exception {
        JarProcess.Result r = flags(
                Map.of("http_proxy", proxy.url("user:" + SECRET)), "async", "-s", site(), "-v", "--debug", "BR", "CN");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(
                r.out().startsWith("URL site: " + site() + " via proxy http://***@127.0.0.1:" + proxy.port() + "\n"),
                r.out());
        assertEquals(2, proxy.requests().size(), "both requests went through the proxy");
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.out() + r.err());
        assertFalse(r.err().contains("dXNlcjplbnYtczNjcmV0"), "nor its base64: " + r.err());
    }

    /** no_proxy read from the real environment, the way --noproxy is read (ProxiesTest checks the other rules). */
    @Test
    void noProxyListingTheAddressAfterANameBypassesTheProxy() throws Exception {
        JarProcess.Result r = flags(
                Map.of("http_proxy", proxy.url("user:" + SECRET), "no_proxy", "localhost,127.0.0.1"),
                "seq",
                "-s",
                site(),
                "BR");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(0, proxy.requests().size(), "requests through the proxy");
        assertFalse(r.out().contains(" via proxy "), r.out());
        assertEquals(1, origin.getRequestCount());
    }

    @Test
    void theEmbeddedServerIsNeverProxied() throws Exception {
        JarProcess.Result r = flags(
                Map.of("http_proxy", proxy.url(null), "all_proxy", proxy.url(null)),
                "seq",
                "--delay",
                "0",
                "--jitter",
                "0",
                "BR",
                "CN");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertFalse(r.out().contains("via proxy"), r.out());
        assertEquals(0, proxy.requests().size());
    }
}
