package flags.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which proxy the environment picks for a URL, as curl picks it. ProxyEnvIT proves the real environment is
 * read; the choices themselves are checked here, where they are cheap.
 */
class ProxiesTest {
    private static final String P = "http://proxy.example:3128";

    static Stream<Arguments> environments() {
        return Stream.of(
                Arguments.of(
                        "http_proxy for http", Map.of("http_proxy", P), "http://h/flags", "http://proxy.example:3128"),
                Arguments.of("HTTP_PROXY in capitals is ignored", Map.of("HTTP_PROXY", P), "http://h/flags", null),
                Arguments.of("https_proxy is not for http", Map.of("https_proxy", P), "http://h/flags", null),
                Arguments.of(
                        "HTTPS_PROXY for https",
                        Map.of("HTTPS_PROXY", P),
                        "https://h/flags",
                        "http://proxy.example:3128"),
                Arguments.of(
                        "all_proxy for either", Map.of("all_proxy", P), "https://h/flags", "http://proxy.example:3128"),
                Arguments.of(
                        "ALL_PROXY in capitals",
                        Map.of("ALL_PROXY", "socks5://user:pw@s:1080"),
                        "http://h/flags",
                        "socks5://***@s:1080"),
                Arguments.of(
                        "http_proxy before all_proxy",
                        Map.of("http_proxy", P, "all_proxy", "socks5://s"),
                        "http://h/flags",
                        "http://proxy.example:3128"),
                Arguments.of(
                        "no_proxy, the address after a name",
                        Map.of("http_proxy", P, "no_proxy", "localhost,127.0.0.1"),
                        "http://127.0.0.1:8000/flags",
                        null),
                Arguments.of(
                        "NO_PROXY in capitals, CIDR",
                        Map.of("http_proxy", P, "NO_PROXY", "10.0.0.0/8"),
                        "http://10.1.2.3/flags",
                        null),
                Arguments.of(
                        "no_proxy before NO_PROXY",
                        Map.of("http_proxy", P, "no_proxy", "other", "NO_PROXY", "h"),
                        "http://h/flags",
                        "http://proxy.example:3128"),
                Arguments.of("no proxy variable at all", Map.of(), "http://h/flags", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void theEnvironmentPicksAsCurlDoes(String name, Map<String, String> env, String url, String proxy) {
        Optional<String> picked =
                Proxies.of(null, null, env).forUrl(HttpUrl.get(url)).map(Proxies.Endpoint::display);
        assertEquals(Optional.ofNullable(proxy), picked);
    }

    @ParameterizedTest(name = "--proxy {0} --noproxy {1}")
    @MethodSource("options")
    void optionsWinOverTheEnvironment(String proxy, String noProxy, String expected) {
        Map<String, String> env = Map.of("http_proxy", P, "no_proxy", "h");
        assertEquals(
                Optional.ofNullable(expected),
                Proxies.of(proxy, noProxy, env)
                        .forUrl(HttpUrl.get("http://h/flags"))
                        .map(Proxies.Endpoint::display));
    }

    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of("", null, null), // --proxy '': no proxy whatever the environment says
                Arguments.of(null, "", "http://proxy.example:3128"), // --noproxy '': proxy every host
                Arguments.of("socks5h://s:9050", "other", "socks5://s:9050"));
    }
}
