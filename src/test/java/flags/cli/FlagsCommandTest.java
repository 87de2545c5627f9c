package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The root command line, built from subcommand summaries for speed, must behave as the fully built one. */
class FlagsCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--version", "", "bogus", "--bogus", "seqq"})
    void theRootAnswersAsWithEverySubcommandBuilt(String arg) {
        String[] args = arg.isEmpty() ? new String[0] : new String[] {arg};
        Cli.Run fast = Cli.run(args);
        Cli.Run full = Cli.run(FlagsCommand.newCommandLine(), args);
        assertEquals(full.exitCode(), fast.exitCode());
        assertEquals(full.out(), fast.out());
        assertEquals(full.err(), fast.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio", "serve", "bench", "help", "generate-completion"})
    void theRootHelpListsEverySubcommandWithItsSummary(String name) {
        String help = Cli.run("--help").out();
        CommandLine built = FlagsCommand.newCommandLine().getSubcommands().get(name);
        CommandLine.Model.UsageMessageSpec usage = built.getCommandSpec().usageMessage();
        String firstLine = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
        String firstWords = firstLine.substring(0, Math.min(30, firstLine.length()));
        assertTrue(help.contains("  " + name + " ") && help.contains(firstWords), help);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "threads", "async", "nio", "serve", "bench"})
    void helpForASubcommandShowsItsOptions(String name) {
        Cli.Run viaHelp = Cli.run("help", name);
        Cli.Run viaOption = Cli.run(name, "--help");
        assertEquals(0, viaHelp.exitCode());
        assertEquals(viaOption.out(), viaHelp.out());
        assertTrue(viaHelp.out().contains("--help"), viaHelp.out());
    }
}
