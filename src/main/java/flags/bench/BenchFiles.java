package flags.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files {@code flags bench} writes besides stdout, each for its option and null when not asked for: the results as
 * JSON, CSV and Markdown, the median runs' timeline, the scan's plot.
 */
public record BenchFiles(Path exportJson, Path exportCsv, Path exportMarkdown, Path timeline, Path plot) {
    /** Writes a file an option asked for; false, once the user has been told why, when it could not be written. */
    @FunctionalInterface
    public interface Writer {
        boolean write(String option, Path file, Content content);
    }

    /** Puts one file's content on disk. */
    @FunctionalInterface
    public interface Content {
        void write() throws IOException;
    }

    /** The file {@code format} is exported to, if asked: {@code --export-json} for json... (none for the table). */
    public Path export(BenchFormat format) {
        return switch (format) {
            case json -> exportJson;
            case csv -> exportCsv;
            case markdown -> exportMarkdown;
            case table -> null;
        };
    }

    /** Every file asked for: the pictures, then the exports. */
    public List<Path> all() {
        List<Path> all = new ArrayList<>();
        for (Path p : new Path[] {timeline, plot, exportJson, exportCsv, exportMarkdown}) {
            if (p != null) {
                all.add(p);
            }
        }
        return all;
    }
}
