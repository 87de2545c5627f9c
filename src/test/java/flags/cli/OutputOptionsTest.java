package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.testing.Cli;
import flags.testing.FakeFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --format}, {@code -v}, {@code -q} and {@code --timeline} through the real command line. */
@Timeout(120)
class OutputOptionsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    private Cli.Run run(String... args) {
        server.setDispatcher(FakeFlags.allFound().status("XX", 404).status("ZZ", 418));
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of(
                "-s", server.url("/flags").toString(), "-o", tmp.resolve("o").toString(), "--retries", "0"));
        return Cli.run(argv.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void csvIsAHeaderAndOneRowAndNothingElse(String command) {
        Cli.Run r = run(command, "--format", "csv", "BR", "CN", "XX", "ZZ");
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertEquals(
                "strategy,concurrency,requested,ok,not_found,errors,not_done,elapsed_s,max_in_flight", lines.get(0));
        String[] row = lines.get(1).split(",");
        assertEquals(command, row[0]);
        assertEquals(command.equals("seq") ? "1" : "4", row[1]);
        assertEquals(List.of("4", "2", "1", "1", "0"), List.of(row[2], row[3], row[4], row[5], row[6]));
        assertTrue(Double.parseDouble(row[7]) > 0);
        int maxInFlight = Integer.parseInt(row[8]);
        assertTrue(maxInFlight >= 1 && maxInFlight <= Integer.parseInt(row[1]), lines.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void jsonParsesBackWithCountsThatAddUpAndOneItemPerCode(String command) {
        Cli.Run r = run(command, "--format", "json", "BR", "CN", "XX", "ZZ");
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(command, o.get("strategy").getAsString());
        assertEquals(4, o.get("requested").getAsInt());
        assertEquals(
                4,
                o.get("ok").getAsInt()
                        + o.get("not_found").getAsInt()
                        + o.get("errors").getAsInt());
        JsonArray items = o.getAsJsonArray("items");
        Set<String> codes = new HashSet<>();
        for (JsonElement e : items) {
            JsonObject item = e.getAsJsonObject();
            codes.add(item.get("cc").getAsString());
            assertTrue(
                    item.get("ended_ms").getAsDouble() >= item.get("started_ms").getAsDouble());
            for (String field : List.of("status", "http_status", "bytes", "file", "attempts", "error")) {
                assertTrue(item.has(field), field);
            }
        }
        assertEquals(Set.of("BR", "CN", "XX", "ZZ"), codes);
        JsonObject zz = items.asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(i -> i.get("cc").getAsString().equals("ZZ"))
                .findFirst()
                .orElseThrow();
        assertEquals("error", zz.get("status").getAsString());
        assertEquals(418, zz.get("http_status").getAsInt());
        assertTrue(zz.get("file").isJsonNull());
        assertTrue(o.get("max_in_flight").getAsInt() >= 1);
    }

    @Test
    void maxInFlightIsMForThreadsAndAsyncAndOneForSeqOnASlowServer() {
        // The embedded server, slow enough (0.3 s per answer) that -m requests overlap for certain.
        for (String command : List.of("seq", "threads", "async", "nio")) {
            Cli.Run r = Cli.run(
                    command,
                    "--format",
                    "json",
                    "--delay",
                    "0.3",
                    "--jitter",
                    "0",
                    "-m",
                    "5",
                    "-l",
                    command.equals("seq") ? "4" : "10",
                    "-o",
                    tmp.resolve(command).toString());
            assertEquals(0, r.exitCode(), r.err());
            int max = JsonParser.parseString(r.out())
                    .getAsJsonObject()
                    .get("max_in_flight")
                    .getAsInt();
            assertEquals(command.equals("seq") ? 1 : 5, max, command);
        }
    }

    @Test
    void verbosePrintsOneLinePerCodeInTheFlags2Words() {
        Cli.Run r = run("seq", "-v", "BR", "XX", "ZZ");
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("BR OK"), r.out());
        assertTrue(
                lines.stream().anyMatch(l -> l.matches("XX not found: http://localhost:\\d+/flags/xx/xx\\.gif")),
                r.out());
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.matches(
                                "ZZ error: HTTP 418 Client Error \\(http://localhost:\\d+/flags/zz/zz\\.gif\\)")),
                r.out());
        assertTrue(lines.indexOf("BR OK") < lines.indexOf("--------------------"));
    }

    @Test
    void quietPrintsOnlyTheSummary() {
        Cli.Run r = run("async", "-q", "BR", "XX");
        assertEquals(
                List.of("--------------------", "  1 flag downloaded.", "  1 not found."),
                r.out().lines().toList().subList(0, 3));
        assertTrue(r.out().lines().toList().get(3).startsWith("Elapsed time: "));
        assertEquals(4, r.out().lines().count());
    }

    @Test
    void verboseAndQuietTogetherIsAUsageError() {
        Cli.Run r = run("async", "-q", "-v", "BR");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("choose -v or -q, not both"), r.err());
    }

    @Test
    void timelineDrawsOneBarPerRequestAsSvgOrPng() throws Exception {
        Path svg = tmp.resolve("t.svg");
        assertEquals(
                1,
                run("threads", "--timeline", svg.toString(), "BR", "CN", "XX", "ZZ")
                        .exitCode());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        var rects = doc.getElementsByTagName("rect");
        int bars = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            String id = rects.item(i).getAttributes().getNamedItem("id") == null
                    ? ""
                    : rects.item(i).getAttributes().getNamedItem("id").getNodeValue();
            if (id.startsWith("bar-")) {
                bars++;
            }
        }
        assertEquals(4, bars);

        Path png = tmp.resolve("t.png");
        run("seq", "--timeline", png.toString(), "BR");
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 100);
    }

    @Test
    void aTimelineWithAnotherExtensionIsAUsageErrorBeforeAnyDownload() {
        Cli.Run r = run("threads", "--timeline", tmp.resolve("t.gif").toString(), "BR");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("must end in .svg or .png"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void aTimelineThatCannotBeWrittenIsOneLineAndExitOneAfterTheSummary() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")));
        // A name that checks out but whose writing fails: a link to the device that is always full.
        Path full = Files.createSymbolicLink(tmp.resolve("t.svg"), Path.of("/dev/full"));
        Cli.Run r = run("threads", "--timeline", full.toString(), "BR");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("Elapsed time: "), "the summary comes first: " + r.out());
        assertEquals(
                "flags threads: --timeline: cannot write '" + full + "': no space left on device",
                r.err().lines().findFirst().orElse(""));
    }
}
