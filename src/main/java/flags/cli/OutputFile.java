package flags.cli;

import flags.text.Failures;
import flags.text.Quote;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A file an option asked for ({@code --timeline}, {@code --plot}, an export), written after the batch: a failure is
 * one line on stderr naming the option, the file and the system's reason, and the command then exits 1.
 */
final class OutputFile {
    /** Writing the file. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    private OutputFile() {}

    /** Writes {@code file} for {@code option}; false, after saying why, when that failed. */
    static boolean write(CommandSpec spec, String option, Path file, Write write) {
        try {
            write.run();
            return true;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + option + ": cannot write " + Quote.of(file.toString()) + ": "
                    + Failures.describe(e));
            err.flush();
            return false;
        }
    }
}
