package flags.download;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the matrix tests check in every cell, said once. */
final class Cells {
    private Cells() {}

    /** {@code expected} null: no error; otherwise the error contains it. */
    static void assertReason(String expected, String error) {
        if (expected == null) {
            assertNull(error, "error");
        } else {
            assertTrue(
                    error != null && error.contains(expected),
                    "error should contain '" + expected + "' but was: " + error);
        }
    }

    /** Every entry of a directory, hidden temporary files included, sorted. */
    static Set<String> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
