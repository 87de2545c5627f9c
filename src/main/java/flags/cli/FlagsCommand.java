package flags.cli;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code flags} entry point: wires the subcommands and the error handling shared by all of them. */
@Command(name = "flags",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Download flag images for country codes, one request at a time, on a thread pool, or asynchronously.",
        subcommands = {
                SeqCommand.class, ThreadsCommand.class, AsyncCommand.class,
                ServeCommand.class, BenchCommand.class,
                HelpCommand.class, GenerateCompletion.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                " 0:every code ended ok or not found",
                " 1:at least one code ended in an error",
                " 2:usage error (bad option, bad code, unreadable input, unwritable output)",
                "130:interrupted (Ctrl-C)"})
public final class FlagsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose seq, threads, async, serve or bench");
    }

    /** Builds the command line exactly as {@link #main} runs it, so tests exercise the same wiring. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new FlagsCommand());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }
}
