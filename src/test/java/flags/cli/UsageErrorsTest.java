package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flags.testing.Cli;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typos get "did you mean", and every bad value is said in one form: option, what was expected, what came. */
class UsageErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "thread|flags: unknown command 'thread'; did you mean threads?",
                "treads|flags: unknown command 'treads'; did you mean threads?",
                "asyn|flags: unknown command 'asyn'; did you mean async?",
                "seq --verbos|flags seq: unknown option '--verbos'; did you mean --verbose or --version?",
                "threads --tiemout 3|flags threads: unknown option '--tiemout'; did you mean --timeout or --timeline?",
                "bench --strategy seq|flags bench: unknown option '--strategy'; did you mean --strategies?"
            })
    void typosGetSuggestions(String args, String expected) {
        Cli.Run run = Cli.run(args.split(" "));
        assertEquals(2, run.exitCode());
        assertEquals(
                List.of(
                        expected,
                        "Try '" + expected.substring(0, expected.indexOf(':')) + " --help' for more " + "information."),
                run.err().lines().toList());
        assertEquals("", run.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "seq --timeout 0|flags seq: --timeout: expected seconds > 0, got '0'",
                "seq --timeout -1|flags seq: --timeout: expected seconds > 0, got '-1'",
                "seq --timeout soon|flags seq: --timeout: expected seconds such as 0.5, got 'soon'",
                "async --max-bytes 1Q|flags async: --max-bytes: expected a size in bytes such as 512K or 10M, got '1Q'",
                "async -m many|flags async: --max-req: expected a whole number, got 'many'",
                "threads -m 0|flags threads: --max-req: expected 1..1000, got '0'",
                "threads --format xml|flags threads: --format: expected one of text, csv, json, got 'xml'",
                "seq --timeout|flags seq: --timeout: needs a value (S)",
                "serve extra|flags serve: unexpected argument 'extra'"
            })
    void badValuesAreSaidInOneForm(String args, String expected) {
        Cli.Run run = Cli.run(args.split(" "));
        assertEquals(2, run.exitCode());
        assertEquals(expected, run.err().lines().findFirst().orElse(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"512|512", "512K|524288", "10M|10485760", "1G|1073741824", "2k|2048"})
    void sizesTakeBinarySuffixes(String given, long bytes) {
        assertEquals(bytes, new SizeConverter().convert(given));
    }
}
