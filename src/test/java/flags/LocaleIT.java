package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.Bodies;
import flags.testing.JarProcess;
import flags.testing.RawServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --names} under {@code LANG=C}, where the JVM's file names are ASCII: a country name this system cannot
 * encode is an error for that code, named as such, and the batch goes on; no temporary file is left behind.
 */
@Timeout(120)
class LocaleIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Map<String, String> NAMES = Map.of(
            "br", "Brazil", "ci", "Côte d'Ivoire", "cn", "China", "st", "São Tomé and Príncipe", "us", "United States");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"seq", "async", "nio"}) // the blocking path (seq, threads) and the non-blocking ones
    void namesThisSystemCannotEncodeAreErrorsAndTheBatchGoesOn(String command) throws Exception {
        try (RawServer server = RawServer.start(request -> {
            String cc = request.path().split("/")[2];
            return request.path().endsWith("/metadata.json")
                    ? RawServer.ok(
                            "application/json; charset=utf-8",
                            Bodies.metadata(cc, NAMES.get(cc), StandardCharsets.UTF_8))
                    : RawServer.ok("image/gif", Bodies.gif(cc));
        })) {
            ProcessBuilder flags = JarProcess.builder(
                    work,
                    command,
                    "--names",
                    "-v",
                    "--retries",
                    "0",
                    "-s",
                    server.url("/flags").toString(),
                    "BR",
                    "CI",
                    "CN",
                    "ST",
                    "US");
            flags.environment().keySet().removeIf(k -> k.startsWith("LC_"));
            flags.environment().putAll(Map.of("LANG", "C", "LC_ALL", "C"));
            JarProcess.Result r = JarProcess.run(flags, LIMIT);

            assertEquals(1, r.exitCode(), r.out() + r.err());
            List<String> lines = r.out().lines().toList();
            for (String cc : List.of("CI", "ST")) {
                String line = lines.stream()
                        .filter(l -> l.startsWith(cc + " "))
                        .findFirst()
                        .orElseThrow();
                assertTrue(
                        line.startsWith(cc + " error: country name ")
                                && line.contains("is not a plain file name")
                                && line.contains("this system's file names are")
                                && line.contains("LANG=C.UTF-8"),
                        line);
            }
            assertTrue(lines.containsAll(List.of("BR OK", "CN OK", "US OK")), r.out());
            assertTrue(r.out().contains("  3 flags downloaded.\n  2 errors.\n"), r.out());
            assertEquals("", r.err(), "no stack trace, no abort");
            try (Stream<Path> files = Files.list(work.resolve("downloaded"))) {
                assertEquals(
                        Set.of("Brazil.gif", "China.gif", "United_States.gif"),
                        files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                        "and no .part file");
            }
        }
    }
}
