package flags.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class AlignedTableTest {
    @Test
    void wrapBreaksOnlyTheLinesTooLongAndKeepsTheRestAsTheyAre() {
        assertEquals("one two\nthree\n  kept  x\n", AlignedTable.wrap("one two three\n  kept  x\n", 10));
        assertEquals("one\ntwo\nthree", AlignedTable.wrap("one two three", 3));
        assertEquals("unbreakable\nx", AlignedTable.wrap("unbreakable x", 5), "a word wider than the line stays whole");
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {60, 80, 120})
    void aWarningWrapsOnWordsWithItsContinuationIndented(int width) {
        String warning = "Warning: threads: runs ranged from 0.061 s to 0.107 s (70% of the median): other programs"
                + " at work? Try more --runs on a quieter machine";
        String wrapped = AlignedTable.wrap(warning, width, "  ");
        List<String> lines = wrapped.lines().toList();
        for (String line : lines) {
            assertTrue(line.length() <= width, line.length() + " columns: " + line);
        }
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith("  ") && !lines.get(i).startsWith("   "), lines.get(i));
        }
        assertEquals(
                List.of(warning.split(" ")),
                List.of(wrapped.strip().split("\\s+")),
                "every word whole, none broken: " + wrapped);
        assertTrue(lines.size() >= 2, "too long for any of these widths: " + wrapped);
    }

    @Test
    void theWidthIsThatOfTheRenderedTable() {
        List<String> headings = List.of("name", "n");
        List<List<String>> rows = List.of(List.of("threads", "12"), List.of("seq", "1"));
        String table = AlignedTable.render(headings, rows, true);
        int widest = table.lines().mapToInt(String::length).max().orElseThrow();
        assertEquals(widest, AlignedTable.width(headings, rows), table);
    }
}
