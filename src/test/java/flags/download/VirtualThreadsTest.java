package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.input.Codes;
import flags.testing.Cli;
import flags.testing.FakeFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/** {@code threads --virtual}: used on a JVM with virtual threads, refused clearly on Java 17 to 20. */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(60)
class VirtualThreadsTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void refusedBeforeJava21WithAUsageError() {
        Cli.Run run = Cli.run("threads", "--virtual", "-o", tmp.resolve("o").toString(), "BR");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("flags threads: --virtual needs Java 21 or newer (this is Java "), run.err());
        assertTrue(!Files.exists(tmp.resolve("o")));
        assertThrows(
                UnsupportedOperationException.class,
                () -> StrategyTable.named("virtual").orElseThrow().create(10));
        assertThrows(UnsupportedOperationException.class, () -> VirtualThreads.newPerTaskExecutor());
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void downloadsOnVirtualThreadsFromJava21() {
        server.setDispatcher(FakeFlags.allFound().status("XX", 404));
        Cli.Run run = Cli.run(
                "threads",
                "--virtual",
                "-m",
                "5",
                "-s",
                server.url("/flags").toString(),
                "-o",
                tmp.resolve("o").toString(),
                "--format",
                "csv",
                "BR",
                "CN",
                "XX");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("virtual,3,3,2,1,0,0", run.out().lines().toList().get(1).replaceAll(",[0-9.]+,[0-9]+$", ""));
        assertTrue(Files.exists(tmp.resolve("o/br.gif")));
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void virtualReachesMButNoMore() throws Exception {
        ConcurrencyTest.InFlightCounter counter = new ConcurrencyTest.InFlightCounter(20, 10_000);
        server.setDispatcher(counter);
        BatchHarness.run(new VirtualThreadStrategy(20), Codes.expand(List.of("A", "B")), server.url("/flags"), tmp, 0);
        assertEquals(20, counter.max.get());
    }
}
