package flags.testing;

import flags.cli.FlagsCommand;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the real command line in-process with captured stdout and stderr. */
public final class Cli {
    public record Run(int exitCode, String out, String err) {}

    private Cli() {}

    public static Run run(String... args) {
        return run(FlagsCommand.newCommandLine(args), args);
    }

    /** The command line with {@code stdin} as its standard input. */
    public static Run withInput(String stdin, String... args) {
        return run(
                FlagsCommand.newCommandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args),
                args);
    }

    /** Runs a given command line, e.g. the fully built one, with the same capture. */
    public static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
