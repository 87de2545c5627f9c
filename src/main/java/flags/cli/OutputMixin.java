package flags.cli;

import flags.report.Terminal;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a download command reports: for people, for scripts, as a picture. */
public final class OutputMixin {
    /** What stdout carries. */
    enum Format {
        text,
        csv,
        json
    }

    /** Whether the progress bar is drawn on stderr. */
    enum Progress {
        auto,
        on,
        off;

        /** Whether the bar shows; for auto, when stderr is a terminal and neither {@code -v} nor {@code -q} is on. */
        boolean shown(boolean linesInstead) {
            return switch (this) {
                case on -> true;
                case off -> false;
                case auto -> !linesInstead && Terminal.stderrIsTerminal();
            };
        }
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, csv or json; csv and json put only data on stdout (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--progress",
            paramLabel = "WHEN",
            defaultValue = "auto",
            description = "Progress bar on stderr: auto (only when stderr is a terminal), on or off "
                    + "(default: ${DEFAULT-VALUE}).")
    Progress progress;

    @Option(
            names = {"-v", "--verbose"},
            description = "One line per code as it completes (BR OK, XX not found, ...) instead of the bar.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only the summary.")
    boolean quiet;

    @Option(names = "--debug", description = "Debug logs on stderr (by default only warnings).")
    boolean debug;

    @Option(
            names = "--timeline",
            paramLabel = "FILE",
            description = "Draw when each request ran to FILE.svg or FILE.png.")
    Path timeline;
}
