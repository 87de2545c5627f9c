package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** serve and the download commands declare the server's faults once: the same options, the same words. */
class ServerFaultsMixinTest {
    private static final CommandLine FLAGS = FlagsCommand.newCommandLine();

    private static String help(String command, String option) {
        OptionSpec spec = FLAGS.getSubcommands().get(command).getCommandSpec().findOption(option);
        return String.join(" ", Arrays.asList(spec.description()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--delay", "--jitter", "--error-rate", "--seed"})
    void serveAndEveryDownloadCommandDescribeItAlike(String option) {
        for (String command : List.of("seq", "threads", "async", "nio", "bench")) {
            assertEquals(help("serve", option), help(command, option), command + " " + option);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--delay", "--jitter"})
    void theHelpStatesEachCommandsOwnDefault(String option) {
        Duration download = option.equals("--delay") ? DownloadMixin.DEFAULT_DELAY : DownloadMixin.DEFAULT_JITTER;
        Duration serve = option.equals("--delay") ? ServeCommand.DEFAULT_DELAY : ServeCommand.DEFAULT_JITTER;
        String help = help("serve", option);
        assertTrue(help.contains("(default: " + SecondsConverter.format(download) + ";"), help);
        assertTrue(help.contains("serve: " + SecondsConverter.format(serve) + ")"), help);
    }
}
