package flags.cli;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code flags} entry point: wires the subcommands and the error handling shared by all of them. */
@Command(
        name = "flags",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Download flag images for country codes, one request at a time, on a thread pool, or asynchronously.")
public final class FlagsCommand implements Runnable {
    /** Every subcommand, in the order {@code flags --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            SeqCommand.class,
            ThreadsCommand.class,
            AsyncCommand.class,
            NioCommand.class,
            ServeCommand.class,
            BenchCommand.class,
            HelpCommand.class,
            GenerateCompletion.class);

    @Mixin
    ExitStatusHelp exitStatus; // the exit statuses, declared once for every command

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    private FlagsCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** What {@code -i -} reads. */
    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose " + choices());
    }

    /** The subcommands a user may run, from the declared ones: "seq, threads, ... or bench". */
    private static String choices() {
        List<String> names = SUBCOMMANDS.stream()
                .filter(type -> type != HelpCommand.class && type != GenerateCompletion.class)
                .map(type -> type.getAnnotation(Command.class).name())
                .toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The full command line, every subcommand built: what {@code help COMMAND} and completion need. */
    public static CommandLine newCommandLine() {
        return newCommandLine(SUBCOMMANDS, InputStream.nullInputStream());
    }

    /**
     * The command line for these arguments. picocli builds the model of every subcommand it is given up front
     * (reflection over all their options: a tenth of a second at start-up) and has no lazy subcommands, so a
     * run that names a subcommand gets that one only; help, completion and the root's own options and errors,
     * which list them all, get them all. Parsing, help and errors are the same.
     */
    public static CommandLine newCommandLine(String... args) {
        return newCommandLine(InputStream.nullInputStream(), args);
    }

    /** The same, with {@code stdin} as the standard input {@code -i -} reads. */
    public static CommandLine newCommandLine(InputStream stdin, String... args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return newCommandLine(List.of(), stdin); // the version names no subcommand: scripts ask it often
        }
        Optional<Class<?>> named = named(args);
        boolean all = named.isEmpty() || named.get() == HelpCommand.class || named.get() == GenerateCompletion.class;
        return newCommandLine(all ? SUBCOMMANDS : List.of(named.get()), stdin);
    }

    /** The subcommand the arguments start with, as picocli reads it too; empty for anything else. */
    private static Optional<Class<?>> named(String... args) {
        return SUBCOMMANDS.stream()
                .filter(type -> args.length > 0
                        && type.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst();
    }

    private static CommandLine newCommandLine(List<Class<?>> subcommands, InputStream stdin) {
        CommandLine cl = new CommandLine(new FlagsCommand(stdin));
        for (Class<?> type : subcommands) {
            cl.addSubcommand(type == BenchCommand.class ? new BenchCommand(stdin) : type);
        }
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true); // the terminal's width, 80 when there is no terminal
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(colour(System.getenv())));
        return cl;
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
        // A command-line tool: drawing a picture must never need (or pop up) a display. Set first: the JVM reads
        // it once, when the first AWT class loads (a picture's colours, before any of its drawing code runs).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (named(args).filter(FlagsCommand::downloads).isPresent()) {
            Warmup.start(); // on another core, while picocli builds the command line
        }
        CommandLine cl = newCommandLine(System.in, args);
        cl.setOut(StdoutWriter.open()); // picocli's default writer cannot say why stdout failed
        System.exit(cl.execute(args));
    }

    private static boolean downloads(Class<?> subcommand) {
        return DownloadCommand.class.isAssignableFrom(subcommand) || subcommand == BenchCommand.class;
    }
}
