package flags.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a download command reports: for people, for scripts, as a picture. */
public final class OutputMixin {
    /** What stdout carries. */
    enum Format {
        text,
        csv,
        json
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, csv or json; csv and json put only data on stdout (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    ProgressMixin progress;

    @Option(
            names = {"-v", "--verbose"},
            description = "One line per code as it completes (BR OK, XX not found, ...) instead of the bar.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only the summary.")
    boolean quiet;

    @Mixin
    LoggingMixin logging;

    @Option(
            names = "--timeline",
            paramLabel = "FILE",
            description = "Draw when each request ran to FILE.svg or FILE.png.")
    Path timeline;
}
