package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assertTrue(VirtualThreads.NEEDS_JAVA_21.startsWith("--virtual needs Java 21 or newer (this is Java "));
        assertEquals(Runtime.version().feature() >= 21, VirtualThreads.available(), "one test, preview or not");
    }

    @Test
    void aRowThatCannotRunNamesItsOwnCommandOrOption() {
        Kind future = new Kind("warp", "Faster.", 99, m -> null, "warp");
        Kind option = new Kind("turbo", "Faster.", 99, m -> null, "threads");
        assertFalse(future.runsHere());
        assertTrue(future.unavailable().startsWith("warp needs Java 99 or newer (this is Java "), future.unavailable());
        assertTrue(option.unavailable().startsWith("--turbo needs Java 99 or newer"), option.unavailable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio"})
    void eachCommandRunsTheStrategyOfItsRow(String command) {
        DownloadCommand built = (DownloadCommand) BUILT.get(command).getCommand();
        assertEquals(StrategyTable.commandDefault(command), built.kind());
        assertEquals(command, built.strategy(4).name());
    }

    @Test
    void threadsVirtualRunsTheVirtualRow() {
        CommandLine threads = FlagsCommand.newCommandLine("threads", "--virtual");
        threads.parseArgs("threads", "--virtual", "--in-order", "BR");
        ThreadsCommand command =
                (ThreadsCommand) threads.getSubcommands().get("threads").getCommand();
        assertEquals(StrategyTable.named("virtual").orElseThrow(), command.kind());
        assumeTrue(VirtualThreads.available(), "building it needs Java 21+");
        assertEquals("virtual", command.strategy(4).name());
    }

    @Test
    void withoutACommandTheRootListsEveryOneItRuns() {
        Cli.Run run = Cli.run();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("missing command: choose seq, threads, async, nio, serve or bench"), run.err());
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
