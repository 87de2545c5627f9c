package flags.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.store.FlagStore;
import flags.testing.FakeFlags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same batch against every strategy: the strategy changes when downloads run, never what they produce. */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(30)
class StrategyContractTest {
    private static final List<String> CODES = List.of("BR", "CN", "IN", "QQ", "US", "XX", "ZZ");

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path out;

    static Stream<Named<IntFunction<Strategy>>> strategies() {
        return Strategies.all();
    }

    private List<DownloadResult> runMixedBatch(IntFunction<Strategy> strategy) throws Exception {
        server.setDispatcher(
                FakeFlags.allFound().status("QQ", 404).status("XX", 404).status("ZZ", 500));
        return BatchHarness.run(strategy.apply(20), CODES, server.url("/flags"), out, 1);
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void aListenersFailureReachesTheCallerAsItselfNotWrapped(IntFunction<Strategy> strategy) {
        server.setDispatcher(FakeFlags.allFound());
        IllegalStateException bug = new IllegalStateException("a bug in a listener");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> BatchHarness.run(
                        strategy.apply(3), CODES, server.url("/flags"), new FlagStore(out), new BatchClock(), 0, r -> {
                            throw bug;
                        }));
        assertSame(bug, thrown);
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void everyCodeEndsExactlyOnceAndTheCountsAddUp(IntFunction<Strategy> strategy) throws Exception {
        List<DownloadResult> results = runMixedBatch(strategy);

        assertEquals(CODES, results.stream().map(DownloadResult::cc).sorted().toList());
        Map<Status, Long> counts =
                results.stream().collect(Collectors.groupingBy(DownloadResult::status, Collectors.counting()));
        assertEquals(Map.of(Status.OK, 4L, Status.NOT_FOUND, 2L, Status.ERROR, 1L), counts);
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void eachResultSaysWhatHappened(IntFunction<Strategy> strategy) throws Exception {
        Map<String, DownloadResult> byCode =
                runMixedBatch(strategy).stream().collect(Collectors.toMap(DownloadResult::cc, r -> r));

        DownloadResult br = byCode.get("BR");
        assertEquals(200, br.httpStatus());
        assertEquals(FakeFlags.gif("BR").length, br.bytes());
        assertEquals(out.resolve("br.gif"), br.file());
        assertEquals(1, br.attempts());

        DownloadResult xx = byCode.get("XX");
        assertEquals(Status.NOT_FOUND, xx.status());
        assertEquals(404, xx.httpStatus());
        assertNull(xx.file());

        DownloadResult zz = byCode.get("ZZ");
        assertEquals(500, zz.httpStatus());
        assertEquals(2, zz.attempts(), "500 is retried once with --retries 1");
        assertEquals("HTTP 500 Server Error", zz.error());
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void onlyTheFoundFlagsAreSavedCompleteAndNothingElse(IntFunction<Strategy> strategy) throws Exception {
        runMixedBatch(strategy);

        try (Stream<Path> files = Files.list(out)) {
            Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertEquals(Set.of("br.gif", "cn.gif", "in.gif", "us.gif"), names);
        }
        for (String cc : List.of("BR", "CN", "IN", "US")) {
            assertArrayEquals(FakeFlags.gif(cc), Files.readAllBytes(out.resolve(cc.toLowerCase() + ".gif")));
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void aFailedDownloadLeavesTheFileAlreadyThereIntact(IntFunction<Strategy> strategy) throws Exception {
        Files.writeString(out.resolve("zz.gif"), "the old ZZ flag");
        Files.writeString(out.resolve("br.gif"), "the old BR flag");

        runMixedBatch(strategy);

        assertEquals("the old ZZ flag", Files.readString(out.resolve("zz.gif"), StandardCharsets.UTF_8));
        assertArrayEquals(
                FakeFlags.gif("BR"), Files.readAllBytes(out.resolve("br.gif")), "a good download replaces it");
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void aDirectoryWhereTheFileShouldGoIsAnErrorForThatCodeOnly(IntFunction<Strategy> strategy) throws Exception {
        Files.createDirectory(out.resolve("br.gif"));
        server.setDispatcher(FakeFlags.allFound());
        Map<String, DownloadResult> byCode =
                BatchHarness.run(strategy.apply(20), List.of("BR", "CN"), server.url("/flags"), out, 0).stream()
                        .collect(Collectors.toMap(DownloadResult::cc, r -> r));

        assertEquals(Status.ERROR, byCode.get("BR").status());
        assertEquals(
                "cannot save br.gif: a directory is in the way",
                byCode.get("BR").error());
        assertEquals(Status.OK, byCode.get("CN").status());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    Set.of("br.gif", "cn.gif"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                    "no temporary file left beside the directory");
        }
        assertTrue(Files.isDirectory(out.resolve("br.gif")));
    }
}
