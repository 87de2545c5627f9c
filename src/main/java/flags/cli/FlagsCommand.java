package flags.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code flags} entry point: wires the subcommands and the error handling shared by all of them. */
@Command(name = "flags",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Download flag images for country codes, one request at a time, on a thread pool, or asynchronously.",
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

    /** The subcommands, by name, in the order {@code --help} lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("seq", SeqCommand::new);
        m.put("threads", ThreadsCommand::new);
        m.put("async", AsyncCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("help", HelpCommand::new);
        m.put("generate-completion", GenerateCompletion::new);
        return m;
    }

    /** The full command line, every subcommand built: what {@code --help}, {@code help} and completion need. */
    public static CommandLine newCommandLine() {
        return newCommandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments. picocli builds the model of every subcommand it is given up front
     * (reflection over all their options: a tenth of a second at start-up), so when the first argument names a
     * download command, serve or bench, only that one is built; parsing, help and errors are the same.
     */
    public static CommandLine newCommandLine(String... args) {
        boolean named = args.length > 0 && SUBCOMMANDS.containsKey(args[0])
                && !args[0].equals("help") && !args[0].equals("generate-completion");
        return newCommandLine(named ? Set.of(args[0]) : SUBCOMMANDS.keySet());
    }

    private static CommandLine newCommandLine(Set<String> names) {
        CommandLine cl = new CommandLine(new FlagsCommand());
        SUBCOMMANDS.forEach((name, command) -> {
            if (names.contains(name)) {
                cl.addSubcommand(name, command.get());
            }
        });
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(args).execute(args));
    }
}
