package flags.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text tables for the terminal: columns two spaces apart, numbers right-aligned, split into parts one under
 * another when too wide, and text wrapped on words. Not picocli's {@code Help.TextTable}: it aligns every column to
 * the left (numbers must line up on their last digit), takes each column's width before the first row (so measuring,
 * dropping and splitting columns would still be done here), and its wrapping cuts a word wider than the line in
 * pieces (a server's URL must stay whole).
 */
final class AlignedTable {
    private AlignedTable() {}

    /**
     * As {@link #render(List, List, boolean)}, in as many tables as it takes for each to fit in {@code width}
     * columns, one under another, each starting with the first column. {@code groups} lists the other columns in
     * order, those of one group kept in one table.
     */
    static String render(
            List<String> headings,
            List<List<String>> rows,
            boolean firstIsText,
            int width,
            List<List<Integer>> groups) {
        int[] widths = widths(headings, rows);
        List<List<Integer>> tables = new ArrayList<>();
        List<Integer> table = new ArrayList<>(List.of(0));
        int used = widths[0];
        for (List<Integer> group : groups) {
            int more = group.stream().mapToInt(i -> 2 + widths[i]).sum();
            if (table.size() > 1 && used + more > width) {
                tables.add(table);
                table = new ArrayList<>(List.of(0));
                used = widths[0];
            }
            table.addAll(group);
            used += more;
        }
        tables.add(table);
        List<String> out = new ArrayList<>();
        for (List<Integer> t : tables) {
            if (t.size() == 1 && tables.size() > 1) {
                continue; // no group was given for it: a part with the first column alone says nothing
            }
            out.add(render(pick(headings, t), rows.stream().map(r -> pick(r, t)).toList(), firstIsText));
        }
        return String.join("\n", out);
    }

    private static List<String> pick(List<String> cells, List<Integer> columns) {
        return columns.stream().map(cells::get).toList();
    }

    /** Each line of {@code text} broken at spaces into lines of at most {@code width} columns where it can be. */
    static String wrap(String text, int width) {
        return wrap(text, width, "");
    }

    /**
     * As {@link #wrap(String, int)}, the lines a line breaks into after its first starting with {@code indent}. A
     * word wider than the line stays whole: broken, it would read as two words.
     */
    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.length() <= width) {
                out.append(line).append('\n');
                continue;
            }
            StringBuilder current = new StringBuilder();
            boolean empty = true;
            for (String word : line.split(" ")) {
                if (!empty && current.length() + 1 + word.length() > width) {
                    out.append(current).append('\n');
                    current.setLength(0);
                    current.append(indent);
                    empty = true;
                }
                current.append(empty ? "" : " ").append(word);
                empty = false;
            }
            out.append(current).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** How wide {@link #render(List, List, boolean)} draws these rows in one part. */
    static int width(List<String> headings, List<List<String>> rows) {
        int[] widths = widths(headings, rows);
        int sum = 0;
        for (int w : widths) {
            sum += w;
        }
        return sum + 2 * (widths.length - 1);
    }

    private static int[] widths(List<String> headings, List<List<String>> rows) {
        int[] width = new int[headings.size()];
        for (List<String> row : concat(headings, rows)) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        return width;
    }

    private static List<List<String>> concat(List<String> headings, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(headings);
        all.addAll(rows);
        return all;
    }

    /** Columns aligned, two spaces apart, numbers right-aligned, and the first column left-aligned if it is text. */
    static String render(List<String> headings, List<List<String>> rows, boolean firstIsText) {
        List<List<String>> all = concat(headings, rows);
        int[] width = widths(headings, rows);
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(i == 0 && firstIsText ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
