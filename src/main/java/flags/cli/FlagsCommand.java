package flags.cli;

import flags.download.StrategyTable;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code flags} entry point: wires the subcommands and the error handling shared by all of them. */
@Command(
        name = "flags",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Download flag images for country codes, one request at a time, on a thread pool, or asynchronously.")
public final class FlagsCommand implements Runnable {
    @CommandLine.Mixin
    ExitStatusHelp exitStatus; // the exit statuses, declared once for every command

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: choose seq, threads, async, nio, serve or bench");
    }

    /** The subcommands that are not download commands, by name, in the order {@code --help} lists them. */
    private static final Map<String, Class<?>> OTHERS = others();

    private static Map<String, Class<?>> others() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("serve", ServeCommand.class);
        m.put("bench", BenchCommand.class);
        m.put("help", HelpCommand.class);
        m.put("generate-completion", GenerateCompletion.class);
        return m;
    }

    /** Every subcommand name: the download commands of the strategy table first. */
    private static List<String> names() {
        List<String> names = new ArrayList<>(StrategyTable.commands());
        names.addAll(OTHERS.keySet());
        return names;
    }

    /** The full command line, every subcommand built: what {@code help COMMAND} and completion need. */
    public static CommandLine newCommandLine() {
        return newCommandLine(Set.copyOf(names()), false, InputStream.nullInputStream());
    }

    /**
     * The command line for these arguments. picocli builds the model of every subcommand it is given up front
     * (reflection over all their options: a tenth of a second at start-up), so only what the arguments need is
     * built: the subcommand they name; or, for the root's own help, version and errors, which show each
     * subcommand's name and summary only, a summary of each. Parsing, help and errors are the same.
     */
    public static CommandLine newCommandLine(String... args) {
        return newCommandLine(InputStream.nullInputStream(), args);
    }

    /** The same, with {@code stdin} as the standard input {@code -i -} reads. */
    public static CommandLine newCommandLine(InputStream stdin, String... args) {
        String first = args.length > 0 ? args[0] : "";
        if (first.equals("help") || first.equals("generate-completion")) {
            return newCommandLine();
        }
        return names().contains(first)
                ? newCommandLine(Set.of(first), false, stdin)
                : newCommandLine(Set.of(), true, stdin);
    }

    private static CommandLine newCommandLine(Set<String> full, boolean summaries, InputStream stdin) {
        CommandLine cl = new CommandLine(new FlagsCommand());
        for (String name : names()) {
            Class<?> type = OTHERS.get(name);
            if (full.contains(name)) {
                cl.addSubcommand(
                        name,
                        type == null
                                ? DownloadCommand.create(name, stdin)
                                : type == BenchCommand.class ? new BenchCommand(stdin) : type);
            } else if (summaries) {
                cl.addSubcommand(
                        name, type == null ? summary(name, DownloadCommand.description(name)) : summary(name, type));
            }
        }
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true); // the terminal's width, 80 when there is no terminal
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(colour(System.getenv())));
        return cl;
    }

    /** A subcommand as the root's help lists it, from its {@code @Command} alone: no options, no instance. */
    private static CommandSpec summary(String name, Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage()
                .header(command.header())
                .description(command.description())
                .hidden(command.hidden());
        return spec;
    }

    private static CommandSpec summary(String name, String description) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /**
     * Colour only for a person at a terminal: never with {@code NO_COLOR} set (no-color.org), under
     * {@code TERM=dumb}, or when the output goes to a file or a pipe.
     */
    static CommandLine.Help.Ansi colour(Map<String, String> env) {
        boolean plain = env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM")) || System.console() == null;
        return plain ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO;
    }

    public static void main(String[] args) {
        // A command-line tool: drawing a timeline must never need (or pop up) a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Warmup.start(args); // on another core, while picocli builds the command line
        CommandLine cl = newCommandLine(System.in, args);
        cl.setOut(StdoutWriter.open()); // picocli's default writer cannot say why stdout failed
        System.exit(cl.execute(args));
    }
}
