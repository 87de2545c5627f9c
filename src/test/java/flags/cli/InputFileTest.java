package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import flags.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -i FILE} reads what people really put in such files (comments after codes, several codes a line, a byte
 * order mark from an editor), and refuses what they did not mean to give (a device, a binary file, a huge line)
 * at once, in flat memory, with one line that names the line and never echoes control characters.
 */
@Timeout(20)
class InputFileTest {
    @TempDir
    Path tmp;

    private Cli.Run listCodes(byte[] content) throws Exception {
        Path file = tmp.resolve("codes.txt");
        Files.write(file, content);
        // a server nobody runs: the codes read show in the JSON items, each an error
        return Cli.run(
                "seq",
                "-i",
                file.toString(),
                "-s",
                "http://127.0.0.1:9/flags",
                "-o",
                tmp.resolve("o").toString(),
                "--retries",
                "0",
                "--timeout",
                "1",
                "--format",
                "json",
                "-q");
    }

    private static List<String> requested(Cli.Run run) {
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("items").asList().stream()
                .map(e -> e.getAsJsonObject().get("cc").getAsString())
                .sorted()
                .toList();
    }

    @Test
    void inlineCommentsSeveralCodesALineAndAByteOrderMarkAreRead() throws Exception {
        Cli.Run run = listCodes(("\uFEFFbr # Brazil\r\ncn, jp\tde\n\n# the end\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, run.exitCode(), run.err()); // nothing listens on port 9: errors, but the codes were read
        assertEquals(List.of("BR", "CN", "DE", "JP"), requested(run));
    }

    @Test
    void deviceOfEndlessZerosIsRefusedAtOnce() {
        Cli.Run run = Cli.run("seq", "-i", "/dev/zero", "-o", tmp.resolve("o").toString());
        assertEquals(2, run.exitCode());
        assertEquals(
                "flags seq: '/dev/zero' line 1: longer than 1024 bytes",
                run.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(tmp.resolve("o")), "a usage error creates nothing");
    }

    @Test
    void aHugeLineIsRefusedWithoutReadingIt() throws Exception {
        Cli.Run run = listCodes(("br\n" + "x".repeat(5_000_000) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().startsWith("flags seq: '" + tmp.resolve("codes.txt") + "' line 2: longer than 1024 bytes"),
                run.err());
        assertTrue(
                run.err().length() < 300, "the line is not echoed: " + run.err().length() + " characters");
    }

    @Test
    void tooManyLinesAreRefused() throws Exception {
        Cli.Run run = listCodes("br\n".repeat(100_001).getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(": more than 100000 lines"), run.err());
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() throws Exception {
        Cli.Run run = listCodes(new byte[] {'b', 'r', '\n', (byte) 0xFF, (byte) 0xFE, '\n'});
        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().startsWith("flags seq: '" + tmp.resolve("codes.txt") + "' line 2: not UTF-8\n"), run.err());
    }

    @Test
    void escapeSequencesInABadLineAreShownEscapedNeverSentToTheTerminal() throws Exception {
        Cli.Run run = listCodes("br\n\u001b]0;pwned\u0007\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, run.exitCode());
        assertFalse(
                run.err().contains("\u001b") || run.err().contains("\u0007"), "raw control characters: " + run.err());
        assertTrue(run.err().contains("line 2: invalid country code '\\x1b]0;pwned\\x07'"), run.err());
    }

    @Test
    void aLongBadCodeOnTheCommandLineIsCutAndEscaped() {
        Cli.Run run = Cli.run(
                "seq", "\u001b[31m" + "Q".repeat(500), "-o", tmp.resolve("o").toString());
        assertEquals(2, run.exitCode());
        String first = run.err().lines().findFirst().orElse("");
        assertFalse(first.contains("\u001b"), first);
        assertTrue(first.contains("'\\x1b[31mQQQ") && first.contains("\u2026'"), first);
        assertTrue(first.length() < 160, first);
    }

    @Test
    void anEmptyOutputNameIsAUsageError() {
        Cli.Run run = Cli.run("threads", "-o", "", "BR", "CN");
        assertEquals(2, run.exitCode());
        assertEquals(
                "flags threads: -o: the directory name is empty (use -o . for the current directory)",
                run.err().lines().findFirst().orElse(""));
        assertEquals("", run.out(), "decided before the header");
    }

    @Test
    void anOutputTheOsRefusesIsAUsageErrorWithItsReasonBeforeTheHeader() {
        Cli.Run run = Cli.run("threads", "-o", "/proc/flags-test", "BR");
        assertEquals(2, run.exitCode());
        assertEquals(
                "flags threads: cannot create output '/proc/flags-test': no such file or directory",
                run.err().lines().findFirst().orElse(""));
        assertEquals("", run.out());
    }
}
