package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.testing.Cli;
import flags.testing.FakeFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --names}: flag then metadata per code, saved under the country's name, never as a path. */
@Timeout(60)
class NamesTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void savesUnderCountryNamesAndRefusesNamesThatArePaths(String command) throws Exception {
        server.setDispatcher(FakeFlags.allFound()
                .country("BR", "Brazil")
                .country("US", "United States")
                .country("AA", "../../escaped")
                .country("AB", "a/b")
                .country("AC", "bell\u0007name")
                .country("AD", "..")
                .status("XX", 404));
        // CN has a flag but its metadata is 404; XX has no flag at all.
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run(
                command,
                "--names",
                "--format",
                "json",
                "--retries",
                "0",
                "-s",
                server.url("/flags").toString(),
                "-o",
                out.toString(),
                "BR",
                "US",
                "CN",
                "XX",
                "AA",
                "AB",
                "AC",
                "AD");
        assertEquals(1, r.exitCode(), r.err());

        Map<String, JsonObject> items =
                JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("items").asList().stream()
                        .map(JsonElement::getAsJsonObject)
                        .collect(Collectors.toMap(i -> i.get("cc").getAsString(), i -> i));
        assertEquals("ok", items.get("BR").get("status").getAsString());
        assertEquals(2, items.get("BR").get("attempts").getAsInt(), "two requests: flag, then metadata");
        assertEquals("not_found", items.get("CN").get("status").getAsString());
        assertEquals("not_found", items.get("XX").get("status").getAsString());
        for (String cc : Set.of("AA", "AB", "AC", "AD")) {
            assertEquals("error", items.get(cc).get("status").getAsString(), cc);
            assertTrue(
                    items.get(cc).get("error").getAsString().contains("country name"),
                    items.get(cc).toString());
        }

        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    Set.of("Brazil.gif", "United_States.gif"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        try (Stream<Path> around = Files.list(tmp)) {
            assertEquals(
                    Set.of("out"),
                    around.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                    "nothing written beside the output directory");
        }
    }
}
