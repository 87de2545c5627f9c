package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/ARCHITECTURE.md stays true: every class it names in backticks exists in the source tree. */
class ArchitectureDocTest {
    /** {@code `FlagClient`}, {@code `FlagClient.downloadOne("BR")`}, {@code `OutputMixin.Format`}: the class part. */
    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]+)(?:[.(][^`]*)?`");

    @Test
    void everyClassItNamesExists() throws Exception {
        String doc = Files.readString(Path.of("docs", "ARCHITECTURE.md"));
        Set<String> named = new TreeSet<>();
        Matcher m = NAMED.matcher(doc);
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> classes;
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src", "main", "java")), Files.walk(Path.of("src", "test", "java")))) {
            classes = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .collect(Collectors.toSet());
        }
        Set<String> library = Set.of("OkHttpClient", "System"); // named, but not ours
        List<String> missing = named.stream()
                .filter(n -> !classes.contains(n) && !library.contains(n))
                .toList();
        assertTrue(named.size() > 30, "the page names the classes it describes: " + named);
        assertEquals(List.of(), missing, "named in docs/ARCHITECTURE.md but not in src/");
    }
}
