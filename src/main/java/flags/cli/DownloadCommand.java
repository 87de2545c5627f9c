package flags.cli;

import flags.download.Strategy;
import flags.download.StrategyTable;
import flags.download.StrategyTable.Kind;
import flags.download.StrategyTable.Modifier;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flags seq}, {@code flags threads}, {@code flags async}: one command class for every download command,
 * each made from its row of the {@link StrategyTable}; they differ only in the strategy they run, as the strategies
 * differ only in when each download runs.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class)
public final class DownloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DownloadMixin options;

    @Mixin
    OutputMixin output;

    @Mixin
    ExitStatusHelp exitStatus;

    private final String name;
    private final InputStream stdin;

    private DownloadCommand(String name, InputStream stdin) {
        this.name = name;
        this.stdin = stdin;
    }

    /** The command line of download command {@code name} reading {@code -i -} from {@code stdin}. */
    static CommandLine create(String name, InputStream stdin) {
        CommandLine cl = new CommandLine(new DownloadCommand(name, stdin));
        CommandSpec spec = cl.getCommandSpec().name(name);
        spec.usageMessage().description(StrategyTable.commandDefault(name).description());
        for (Kind variant : StrategyTable.flagsOf(name)) {
            spec.addOption(OptionSpec.builder(variant.flag())
                    .type(boolean.class)
                    .description(variant.description())
                    .build());
        }
        for (Modifier modifier : StrategyTable.modifiersOf(name)) {
            spec.addOption(OptionSpec.builder(modifier.flag())
                    .type(boolean.class)
                    .description(modifier.description())
                    .build());
        }
        return cl;
    }

    /** What {@code flags --help} lists for {@code name}. */
    static String description(String name) {
        return StrategyTable.commandDefault(name).description();
    }

    @Override
    public Integer call() throws Exception {
        Kind kind = StrategyTable.commandDefault(name);
        for (Kind variant : StrategyTable.flagsOf(name)) {
            if (given(variant.flag())) {
                kind = variant;
            }
        }
        if (!kind.runsHere()) {
            throw new UsageException(kind.unavailable());
        }
        Kind chosen = kind;
        return new BatchRun(spec, options, output, stdin).run(m -> {
            Strategy strategy = chosen.create(m);
            for (Modifier modifier : StrategyTable.modifiersOf(name)) {
                if (given(modifier.flag())) {
                    strategy = modifier.apply().apply(strategy);
                }
            }
            return strategy;
        });
    }

    private boolean given(String flag) {
        return Boolean.TRUE.equals(spec.findOption(flag).getValue());
    }
}
