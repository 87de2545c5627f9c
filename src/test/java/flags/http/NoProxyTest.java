package flags.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.text.Redact;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which URLs go through the proxy, matched as curl matches its no-proxy list (cases where curl itself once went
 * wrong among them): names cover their subdomains, addresses match as addresses or CIDR ranges, and only a list
 * that is exactly {@code *} covers everything.
 */
class NoProxyTest {
    private static boolean proxied(String noProxy, String url) {
        return Proxies.of(null, null, Map.of("http_proxy", "http://proxy.test:3128", "no_proxy", noProxy))
                .forUrl(HttpUrl.get(url))
                .isPresent();
    }

    @ParameterizedTest(name = "no_proxy={0}, {1}: proxied {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "example.com|http://example.com/flags|false",
                "example.com|http://www.example.com/flags|false",
                ".example.com|http://www.example.com/flags|false",
                "example.com|http://notexample.com/flags|true",
                "example.com|http://example.com.org/flags|true",
                "127.0.0.1,localhost|http://127.0.0.1:8000/flags|false", // not only when last
                "127.0.0.1,localhost|http://localhost:8000/flags|false",
                "127.0.0.1|http://localhost:8000/flags|true", // a name is not its address
                "10.0.0.0/8,192.168.0.0/16|http://10.10.20.1/flags|false", // CIDR
                "10.0.0.0/8|http://11.0.0.1/flags|true",
                "::1|http://[::1]:8000/flags|false",
                "0:0:0:0:0:0:0:1|http://[::1]:8000/flags|false",
                "*|http://anything.test/flags|false",
                "localhost,*|http://example.com/flags|true", // '*' is a wildcard only alone
                "0.0.1|http://127.0.0.1/flags|true", // an address is never tail-matched
                "1|http://10.0.0.1/flags|true",
                "10/8|http://10.0.0.1/flags|true", // short forms are not addresses
                "''|http://localhost:8000/flags|true"
            })
    void matchesAsCurlDoes(String noProxy, String url, boolean proxied) {
        assertEquals(proxied, proxied(noProxy.equals("''") ? "" : noProxy, url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://u:p@ss@host:3128/|http://***@host:3128/",
                "http://user:secret@example.com/flags|http://***@example.com/flags",
                "see http://a:b@h/x and http://c:d@i/y|see http://***@h/x and http://***@i/y"
            })
    void credentialsAreNeverShown(String text, String shown) {
        assertEquals(shown, Redact.url(text));
    }
}
