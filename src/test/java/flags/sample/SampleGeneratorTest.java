package flags.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.input.Country;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed flags-sample/ must be exactly what the generator produces, and every file must be usable. */
class SampleGeneratorTest {
    private static final Path COMMITTED = Path.of("flags-sample");
    private static final String REGENERATE = "mvn -q test-compile && java -cp target/test-classes:target/classes"
            + " flags.sample.SampleGenerator flags-sample";

    @TempDir
    static Path generated;

    private static List<Country> countries;

    @BeforeAll
    static void generate() throws IOException {
        countries = SampleGenerator.generate(generated);
    }

    @Test
    void reproducesTheCommittedFilesByteForByte() throws IOException {
        assertTrue(Files.isDirectory(COMMITTED), "run from the project root; flags-sample/ is missing");
        List<String> expected = relativeFiles(COMMITTED);
        List<String> actual = relativeFiles(generated);
        List<String> onlyCommitted =
                expected.stream().filter(f -> !actual.contains(f)).collect(Collectors.toList());
        List<String> onlyGenerated =
                actual.stream().filter(f -> !expected.contains(f)).collect(Collectors.toList());
        assertTrue(
                onlyCommitted.isEmpty() && onlyGenerated.isEmpty(),
                "only in flags-sample/: " + onlyCommitted + ", only generated: " + onlyGenerated + "; regenerate with "
                        + REGENERATE);
        for (String file : expected) {
            assertArrayEquals(
                    Files.readAllBytes(COMMITTED.resolve(file)),
                    Files.readAllBytes(generated.resolve(file)),
                    file + " differs from the generator's output; regenerate with " + REGENERATE);
        }
    }

    @Test
    void coversEveryShippedCountryWithAGifAndMetadata() throws IOException {
        assertEquals(194, countries.size());
        assertEquals(194 * 2, relativeFiles(generated).size());
        for (Country c : countries) {
            String cc = c.code().toLowerCase(Locale.ROOT);
            assertTrue(Files.isRegularFile(generated.resolve(cc).resolve(cc + ".gif")), cc);
            String json = Files.readString(generated.resolve(cc).resolve("metadata.json"), StandardCharsets.UTF_8);
            JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
            assertEquals(List.of("country", "iso_cc", "tld_cc"), List.copyOf(parsed.keySet()), cc);
            assertEquals(c.name(), parsed.get("country").getAsString());
            assertEquals(c.code(), parsed.get("iso_cc").getAsString());
            assertEquals(c.tld(), parsed.get("tld_cc").getAsString());
            assertTrue(json.endsWith("}\n"), cc);
        }
    }

    @Test
    void brazilMetadataHasTheDocumentedShape() throws IOException {
        assertEquals(
                "{\"country\": \"Brazil\", \"iso_cc\": \"BR\", \"tld_cc\": \".br\"}\n",
                Files.readString(generated.resolve("br/metadata.json"), StandardCharsets.UTF_8));
    }

    @Test
    void everyGifDecodesAtARealisticSize() throws IOException {
        for (Country c : countries) {
            String cc = c.code().toLowerCase(Locale.ROOT);
            byte[] bytes = Files.readAllBytes(generated.resolve(cc).resolve(cc + ".gif"));
            assertEquals("GIF89a", new String(bytes, 0, 6, StandardCharsets.US_ASCII), cc);
            assertTrue(bytes.length >= 2_000 && bytes.length <= 60_000, cc + ": " + bytes.length + " bytes");
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            assertNotNull(img, cc + " does not decode");
            assertEquals(SampleGenerator.WIDTH, img.getWidth(), cc);
            // From Qatar's 11:28 to Nepal's 1.22:1, the extremes of real flag proportions.
            assertTrue(img.getHeight() >= 180 && img.getHeight() <= 600, cc + " height " + img.getHeight());
        }
    }

    @Test
    void generatingTwiceGivesTheSameBytes() {
        for (String cc : List.of("US", "BR", "KR", "CY")) {
            assertArrayEquals(SampleGenerator.gif(cc), SampleGenerator.gif(cc), cc);
        }
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
