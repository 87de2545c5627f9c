package flags.cli;

import flags.report.Terminal;
import picocli.CommandLine.Option;

/** {@code --progress}, for every command that runs batches: whether a bar shows their progress on stderr. */
public final class ProgressMixin {
    /** The choices: by the terminal, always, never. */
    enum When {
        auto,
        on,
        off
    }

    @Option(
            names = "--progress",
            paramLabel = "WHEN",
            defaultValue = "auto",
            description = "A progress bar on stderr: auto (when stderr is a terminal and without -v), on or off "
                    + "(default: ${DEFAULT-VALUE}).")
    When when;

    /** Whether the bar shows; for auto, when stderr is a terminal and no line per result is asked for instead. */
    boolean shown(boolean linesInstead) {
        return switch (when) {
            case on -> true;
            case off -> false;
            case auto -> !linesInstead && Terminal.stderrIsTerminal();
        };
    }
}
