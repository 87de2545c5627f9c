package flags.cli;

import picocli.CommandLine.Option;

/** {@code --debug}, for every command that downloads: our own loggers turned up to debug. */
public final class LoggingMixin {
    @Option(names = "--debug", description = "Debug logs on stderr (by default only warnings).")
    boolean debug;

    /** Turns the debug logs on if asked; called once the options are known good, so a usage error logs nothing. */
    void apply() {
        if (debug) {
            Logging.enableDebug();
        }
    }
}
