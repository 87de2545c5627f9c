package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SiteTest {
    @Test
    void labelsAreCaseInsensitiveAndUrlsLoseTheirTrailingSlash() {
        assertEquals(
                HttpUrl.get("http://localhost:8001/flags"), Site.parse("delay").url());
        assertEquals("URL", Site.parse("http://h:1/flags/").label());
        assertEquals(
                HttpUrl.get("http://h:1/flags"), Site.parse("http://h:1/flags/").url());
        assertThrows(IllegalArgumentException.class, () -> Site.parse("file:///etc/flags"));
    }

    @Test
    void theEmbeddedSiteStaysEmbeddedOnceItsServerHasAUrl() {
        Site started = Site.parse("embedded").at(HttpUrl.get("http://127.0.0.1:4000/flags"));
        assertTrue(started.embedded());
        assertFalse(Site.parse("LOCAL").embedded());
    }
}
