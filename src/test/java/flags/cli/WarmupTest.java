package flags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guess, before picocli, of whether a run starts the embedded flag server (worth warming Jetty's locales). */
class WarmupTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "threads --delay 0 --jitter 0 -q | true",
                "async -e -m 100 | true",
                "bench --strategies threads,async | true",
                "seq -s http://localhost:8000/flags BR | false",
                "threads --server=LOCAL | false",
                "async --server DELAY | false",
                "threads -qs LOCAL | false",
                "threads -sLOCAL | false"
            })
    void aServerOptionMeansNoLocalServer(String args, boolean local) {
        assertEquals(local, Warmup.servesLocally(args.split(" ")));
    }
}
