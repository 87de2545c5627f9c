package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class SiteTest {
    @Test
    void labelsAreCaseInsensitiveAndUrlsLoseTheirTrailingSlash() {
        assertEquals(HttpUrl.get("http://localhost:8001/flags"), Site.parse("delay").url());
        assertEquals("URL", Site.parse("http://h:1/flags/").label());
        assertEquals(HttpUrl.get("http://h:1/flags"), Site.parse("http://h:1/flags/").url());
        assertThrows(IllegalArgumentException.class, () -> Site.parse("file:///etc/flags"));
    }

    @Test
    void theEmbeddedSiteStaysEmbeddedOnceItsServerHasAUrl() {
        Site started = Site.parse("embedded").at(HttpUrl.get("http://127.0.0.1:4000/flags"));
        assertTrue(started.embedded());
        assertFalse(Site.parse("LOCAL").embedded());
    }

    @Test
    void theEmbeddedServersClientSkipsTlsAndOthersKeepIt() {
        DownloadMixin options = new DownloadMixin();
        options.server = "EMBEDDED";
        options.output = java.nio.file.Path.of("downloaded");
        options.maxReq = 5;
        options.timeout = java.time.Duration.ofSeconds(1);
        options.maxBytes = 100;
        DownloadSetup setup = DownloadSetup.check(options, System.in);
        Site embedded = setup.site().at(HttpUrl.get("http://127.0.0.1:4000/flags"));

        OkHttpClient plain = setup.httpClient(5, embedded);
        assertEquals(List.of(ConnectionSpec.CLEARTEXT), plain.connectionSpecs());
        OkHttpClient remote = setup.httpClient(5, Site.parse("REMOTE"));
        assertTrue(remote.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls));
    }
}
