package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated bash completion, sourced in a real bash and asked what it would offer at each point. */
@Timeout(60)
class CompletionTest {
    private static final Path BASH = Path.of("/bin/bash");

    @TempDir
    Path tmp;

    private Path script;

    @BeforeEach
    void generate() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BASH), "needs bash");
        Cli.Run run = Cli.run("generate-completion");
        assertEquals(0, run.exitCode(), run.err());
        script = Files.writeString(tmp.resolve("flags_completion"), run.out());
        Files.createFile(tmp.resolve("codes.txt"));
        Files.createDirectory(tmp.resolve("downloads"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "seq -s ''|EMBEDDED LOCAL DELAY ERROR REMOTE",
                "async --server L|LOCAL",
                "threads -i co|codes.txt",
                "seq -o do|downloads",
                "seq --timeline do|downloads",
                "bench --strategies ''|seq threads virtual async nio",
                "threads --format ''|text csv json",
                "bench --format ''|table csv json markdown",
                "thr|threads"
            })
    void completesWhatTheOptionTakes(String line, String offered) throws Exception {
        assertEquals(List.of(offered.split(" ")), complete(line));
    }

    /** Runs the completion function as bash would for {@code flags LINE<TAB>} and returns COMPREPLY. */
    private List<String> complete(String line) throws Exception {
        String words = "flags " + line;
        String program = "source " + script + " 2>/dev/null\n"
                + "COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE=\""
                + words.replace("''", "")
                + "\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_flags flags 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder(BASH.toString(), "-c", program)
                .directory(tmp.toFile())
                .start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }
}
