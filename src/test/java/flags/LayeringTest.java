package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/ARCHITECTURE.md, checked on the imports of the main code: a package imports only packages of
 * the layers below its own, so no two packages import each other and nothing low knows the commands above it.
 */
class LayeringTest {
    /** Top to bottom; packages on one line are side by side and do not import each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("cli"),
            List.of("bench"),
            List.of("picture"),
            List.of("report", "server"),
            List.of("download"), // the lesson: the strategies, the client's face, the results, the batch
            List.of("store", "input"),
            List.of("http"), // behind the door: what makes HTTP safe, and the two clients
            List.of("text"),
            List.of("")); // flags itself: the batch clock, durations as seconds, the version

    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?flags\\.(?:([a-z]+)\\.)?[A-Z]");
    private static final Path MAIN = Path.of("src", "main", "java", "flags");

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : importsByPackage().entrySet()) {
            String from = e.getKey();
            for (String to : e.getValue()) {
                if (!to.equals(from) && layer(to) <= layer(from)) {
                    violations.add(describe(from) + " imports " + describe(to));
                }
            }
        }
        assertEquals(List.of(), violations, "layers, top to bottom: " + LAYERS);
    }

    @Test
    void everyPackageHasItsLayer() throws IOException {
        for (String pkg : importsByPackage().keySet()) {
            assertTrue(layer(pkg) >= 0, describe(pkg) + " is in no layer of " + LAYERS + ": add it there and to docs");
        }
    }

    @Test
    void onlyTheServerKnowsJetty() throws IOException {
        List<Path> outside = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!file.startsWith(MAIN.resolve("server"))
                        && Files.readString(file).contains("\nimport org.eclipse.jetty")) {
                    outside.add(file);
                }
            }
        }
        assertEquals(List.of(), outside, "Jetty is the server's: no main file outside flags.server imports it");
    }

    @Test
    void theDocumentStatesTheSameLayers() throws IOException {
        String doc = Files.readString(Path.of("docs", "ARCHITECTURE.md"));
        StringBuilder line = new StringBuilder("Layers, top to bottom:");
        for (List<String> layer : LAYERS) {
            line.append(layer.stream()
                    .map(p -> p.isEmpty() ? "`flags`" : "`" + p + "`")
                    .reduce((a, b) -> a + ", " + b)
                    .map(s -> " " + s)
                    .orElseThrow());
            line.append(layer == LAYERS.get(LAYERS.size() - 1) ? "." : ";");
        }
        assertTrue(doc.contains(line), "docs/ARCHITECTURE.md should say: " + line);
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(String pkg) {
        return pkg.isEmpty() ? "flags" : "flags." + pkg;
    }

    /** Each main package ("" for flags itself) and the main packages its classes import. */
    private static Map<String, List<String>> importsByPackage() throws IOException {
        Map<String, List<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path dir = MAIN.relativize(file.getParent());
                String pkg = dir.toString().replace('/', '.');
                List<String> to = imports.computeIfAbsent(pkg, p -> new ArrayList<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1) == null ? "" : m.group(1);
                    if (!to.contains(target)) {
                        to.add(target);
                    }
                }
            }
        }
        return imports;
    }
}
