package flags.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import flags.testing.Cli;
import flags.testing.FakeFlags;
import flags.testing.HoldUntil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real {@code flags seq|threads|async} command line, against a loopback server. */
@Timeout(60)
class DownloadCommandTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    private String base() {
        return server.url("/flags").toString();
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("bad code", List.of("BRA"), "invalid country code 'BRA'"),
                Arguments.of("bad option", List.of("--frobnicate"), "unknown option '--frobnicate'"),
                Arguments.of("-m 0", List.of("-m", "0"), "--max-req: expected 1..1000, got '0'"),
                Arguments.of("-m 1001", List.of("-m", "1001"), "--max-req: expected 1..1000, got '1001'"),
                Arguments.of(
                        "-m not a number", List.of("-m", "many"), "--max-req: expected a whole number, got 'many'"),
                Arguments.of("-l 0", List.of("-l", "0"), "--limit: expected 1 or more, got '0'"),
                Arguments.of(
                        "negative timeout", List.of("--timeout", "-1"), "--timeout: expected seconds > 0, got '-1'"),
                Arguments.of("zero timeout", List.of("--timeout", "0"), "--timeout: expected seconds > 0, got '0'"),
                Arguments.of(
                        "missing -i file",
                        List.of("-i", "no-such-file.txt"),
                        "cannot read 'no-such-file.txt': no such file or directory"),
                Arguments.of(
                        "server not http",
                        List.of("-s", "ftp://example.com/flags"),
                        "invalid --server 'ftp://example.com/flags'"),
                Arguments.of("unknown label", List.of("-s", "NOWHERE"), "invalid --server 'NOWHERE'"),
                Arguments.of("two sources", List.of("-a", "BR"), "choose one source of codes"),
                Arguments.of("-a and -e", List.of("-a", "-e"), "choose one source of codes"),
                Arguments.of(
                        "delay with another server",
                        List.of("-s", "LOCAL", "--delay", "1"),
                        "only apply to the EMBEDDED server"),
                Arguments.of(
                        "seed with another server",
                        List.of("-s", "http://127.0.0.1:9/flags", "--seed", "7"),
                        "--seed only apply to the EMBEDDED server"),
                Arguments.of(
                        "error rate out of range",
                        List.of("--error-rate", "1.5"),
                        "--error-rate: expected a probability 0..1, got '1.5'"),
                Arguments.of("negative retries", List.of("--retries", "-1"), "--retries: expected 0..100, got '-1'"),
                Arguments.of("negative CPU work", List.of("--cpu-work", "-5"), "expected whole milliseconds"),
                Arguments.of("CPU work in seconds", List.of("--cpu-work", "0.5"), "expected whole milliseconds"),
                Arguments.of("too much CPU work", List.of("--cpu-work", "60001"), "at most 60000 ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExitTwoWithOneLineAndAHintAndCreateNothing(String name, List<String> args, String expected) {
        for (String command : List.of("seq", "threads", "async", "nio")) {
            Path output = tmp.resolve("out-" + command);
            List<String> argv = new ArrayList<>(List.of(command, "-o", output.toString()));
            argv.addAll(args);
            Cli.Run run = Cli.run(argv.toArray(String[]::new));
            List<String> lines = run.err().lines().toList();
            assertAll(
                    command + " " + args,
                    () -> assertEquals(2, run.exitCode()),
                    () -> assertEquals("", run.out(), "nothing on stdout"),
                    () -> assertEquals(2, lines.size(), run.err()),
                    () -> assertTrue(lines.get(0).startsWith("flags " + command + ": "), lines.get(0)),
                    () -> assertTrue(lines.get(0).contains(expected), lines.get(0)),
                    () -> assertEquals("Try 'flags " + command + " --help' for more information.", lines.get(1)),
                    () -> assertFalse(Files.exists(output), "nothing created on disk"));
        }
    }

    @Test
    void aBadLineInTheInputFileIsAUsageErrorNamingTheLine() throws Exception {
        Path input = Files.writeString(tmp.resolve("codes.txt"), "# codes\nBR\nBrazil\n");
        Cli.Run run = Cli.run("threads", "-o", tmp.resolve("out").toString(), "-i", input.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("codes.txt' line 3: invalid country code 'Brazil'"), run.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anOutputPathUnderAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "keep me");
        Cli.Run run = Cli.run("async", "-o", file.resolve("sub").toString(), "BR");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is under a file"), run.err());
        assertEquals("keep me", Files.readString(file));

        Cli.Run onFile = Cli.run("async", "-o", file.toString(), "BR");
        assertEquals(2, onFile.exitCode());
        assertTrue(onFile.err().contains("is a file, not a directory"), onFile.err());
    }

    @Test
    void aRunPrintsTheSummaryAndSavesTheFiles() throws Exception {
        server.setDispatcher(FakeFlags.allFound().status("XX", 404));
        Path output = tmp.resolve("flags");
        Cli.Run run = Cli.run("threads", "-s", base(), "-o", output.toString(), "br", "CN", "xx");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("URL site: " + base(), lines.get(0));
        assertEquals("Searching for 3 flags: BR, CN, XX", lines.get(1));
        assertEquals("3 concurrent connections will be used.", lines.get(2));
        assertEquals("--------------------", lines.get(3));
        assertEquals("  2 flags downloaded.", lines.get(4));
        assertEquals("  1 not found.", lines.get(5));
        assertTrue(lines.get(6).matches("Elapsed time: \\d+\\.\\d\\ds"), lines.get(6));
        assertEquals(7, lines.size());
        assertTrue(Files.exists(output.resolve("br.gif")));
        assertTrue(Files.exists(output.resolve("cn.gif")));
        assertEquals("", run.err());
    }

    @Test
    void anErrorMakesTheExitStatusOne() {
        server.setDispatcher(FakeFlags.allFound().status("ZZ", 418));
        Cli.Run run = Cli.run("seq", "-s", base(), "-o", tmp.resolve("o").toString(), "--retries", "0", "BR", "ZZ");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("  1 error.\n"), run.out());
        assertTrue(run.out().contains("1 connection will be used."), run.out());
    }

    @Test
    void codesComeFromStandardInputWithDash() {
        server.setDispatcher(FakeFlags.allFound());
        Cli.Run run = Cli.withInput(
                "br\n# comment\n\ncn\n",
                "async",
                "-s",
                base(),
                "-o",
                tmp.resolve("o").toString(),
                "-i",
                "-");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Searching for 2 flags: BR, CN"), run.out());
    }

    @Test
    void limitKeepsTheFirstCodesAfterSorting() {
        server.setDispatcher(FakeFlags.allFound());
        Cli.Run run = Cli.run("async", "-s", base(), "-o", tmp.resolve("o").toString(), "-l", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Searching for 3 flags: BD, BR, CD"), run.out());
    }

    @Test
    void cpuWorkCountsInTheBatchTime() {
        server.setDispatcher(FakeFlags.allFound());
        Cli.Run run = Cli.run(
                "seq",
                "-s",
                base(),
                "-o",
                tmp.resolve("o").toString(),
                "--cpu-work",
                "500",
                "--format",
                "json",
                "BR",
                "CN");
        assertEquals(0, run.exitCode(), run.err());
        double elapsed = JsonParser.parseString(run.out())
                .getAsJsonObject()
                .get("elapsed_s")
                .getAsDouble();
        // 2 x 500 ms of one core, one after the other; the loopback answers themselves take milliseconds.
        assertTrue(elapsed >= 0.6, "elapsed " + elapsed + " s");
    }

    @Test
    void inOrderPrintsTheVerboseLinesInSubmissionOrder() {
        server.setDispatcher(new HoldUntil("AA", "CC"));
        Cli.Run inOrder = Cli.run(
                "threads",
                "-s",
                base(),
                "-o",
                tmp.resolve("a").toString(),
                "-m",
                "2",
                "-v",
                "--in-order",
                "AA",
                "BB",
                "CC");
        assertEquals(0, inOrder.exitCode(), inOrder.err());
        List<String> lines =
                inOrder.out().lines().filter(l -> l.endsWith(" OK")).toList();
        assertEquals(List.of("AA OK", "BB OK", "CC OK"), lines, "AA was answered last: " + inOrder.out());

        server.setDispatcher(new HoldUntil("AA", "CC"));
        Cli.Run completed =
                Cli.run("threads", "-s", base(), "-o", tmp.resolve("b").toString(), "-m", "2", "-v", "AA", "BB", "CC");
        List<String> asCompleted =
                completed.out().lines().filter(l -> l.endsWith(" OK")).toList();
        assertTrue(asCompleted.indexOf("BB OK") < asCompleted.indexOf("AA OK"), completed.out());
    }

    /** One request at a time, so each code meets the same draw of the embedded server's errors every time. */
    @Test
    void seedMakesTheEmbeddedServersErrorsReproducible() {
        List<String> first = errorCodes("7");
        assertEquals(first, errorCodes("7"));
        assertFalse(first.isEmpty() || first.size() == 10, "about half fail: " + first);
        assertNotEquals(first, errorCodes("8"), "another seed, other errors");
    }

    private List<String> errorCodes(String seed) {
        Cli.Run run = Cli.run(
                "seq",
                "--delay",
                "0",
                "--jitter",
                "0",
                "--error-rate",
                "0.5",
                "--seed",
                seed,
                "--retries",
                "0",
                "-l",
                "10",
                "-o",
                tmp.resolve("seed-" + seed).toString(),
                "--format",
                "json");
        assertEquals(1, run.exitCode(), run.err());
        List<String> errors = new ArrayList<>();
        for (JsonElement item :
                JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("items")) {
            if (item.getAsJsonObject().get("status").getAsString().equals("error")) {
                errors.add(item.getAsJsonObject().get("cc").getAsString());
            }
        }
        return errors;
    }

    @Test
    void helpListsTheExitCodesAndVersionNamesTheStack() {
        Cli.Run help = Cli.run("threads", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("130"), help.out());
        Cli.Run version = Cli.run("--version");
        assertTrue(version.out().contains("OkHttp 5.5.1"), version.out());
        assertTrue(version.out().contains("Java " + Runtime.version().feature()), version.out());
    }
}
