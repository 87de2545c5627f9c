package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.download.StrategyTable;
import flags.download.StrategyTable.Kind;
import flags.download.VirtualThreads;
import flags.testing.Cli;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The download commands and the strategy table say the same: which commands there are and what each runs. */
class CommandTableTest {
    private static final Map<String, CommandLine> BUILT =
            FlagsCommand.newCommandLine().getSubcommands();

    @Test
    void theDownloadCommandsAreTheTablesCommandsInItsOrder() {
        List<String> downloads = BUILT.entrySet().stream()
                .filter(e -> e.getValue().getCommand() instanceof DownloadCommand)
                .map(Map.Entry::getKey)
                .toList();
        assertEquals(StrategyTable.commands(), downloads);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void eachCommandIsDescribedByItsRow(String command) {
        CommandSpec spec = BUILT.get(command).getCommandSpec();
        assertEquals(
                List.of(StrategyTable.commandDefault(command).description()),
                List.of(spec.usageMessage().description()));
        assertEquals(command, spec.name());
    }

    @Test
    void theVirtualRowIsThreadsWithTheOptionItsHelpDescribes() {
        Kind virtual = StrategyTable.named("virtual").orElseThrow();
        CommandSpec threads = BUILT.get(virtual.command()).getCommandSpec();
        assertEquals(
                List.of(virtual.description()),
                List.of(threads.findOption("--virtual").description()));
    }

    @Test
    void onlyVirtualThreadsNeedMoreThanJava17AsTheOneMessageSays() {
        List<String> newer = StrategyTable.ALL.stream()
                .filter(k -> k.minimumJava() > 17)
                .map(Kind::name)
                .toList();
        assertEquals(List.of("virtual"), newer);
        assertEquals(
                VirtualThreads.NEEDS_JAVA_21,
                StrategyTable.named("virtual").orElseThrow().unavailable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio", "serve", "bench"})
    void aRunBuildsOnlyTheSubcommandItNames(String name) {
        assertEquals(
                Set.of(name),
                FlagsCommand.newCommandLine(name, "--help").getSubcommands().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help", "generate-completion", "bogus"})
    void helpCompletionAndTheRootBuildEverySubcommand(String first) {
        assertEquals(
                BUILT.keySet(),
                FlagsCommand.newCommandLine(first).getSubcommands().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void theVersionBuildsNoSubcommandYetPrintsIt(String option) {
        assertEquals(
                Set.of(), FlagsCommand.newCommandLine(option).getSubcommands().keySet());
        Cli.Run run = Cli.run(option);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("flags "), run.out());
    }
}
